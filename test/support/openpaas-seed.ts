import { Db, ObjectId } from 'mongodb';

/** Raw documents in the formats OpenPaaS and the original side service wrote (storage.md), for e2e tests. */

export async function domainIdOf(db: Db, name: string): Promise<ObjectId> {
  const domain = await db.collection('domains').findOne({ name });
  if (!domain) throw new Error(`domain ${name} is missing`);
  return domain._id as ObjectId;
}

/** A user as OpenPaaS wrote it: no `email` field, the address only in `accounts`. */
export async function seedLegacyUser(
  db: Db,
  email: string,
  names: { firstname: string; lastname: string },
): Promise<string> {
  const domainId = await domainIdOf(db, email.slice(email.indexOf('@') + 1));
  const _id = new ObjectId();
  await db.collection('users').insertOne({
    _id,
    firstname: names.firstname,
    lastname: names.lastname,
    password: '$2a$05$bo7Xyq9ktYQW5kIGzV2KOeW1yNDd8rjGUUaXVIG4ZwY5e5fWsfUIW',
    preferredEmail: email,
    emails: [email],
    accounts: [{ type: 'email', hosted: true, preferredEmailIndex: 0, emails: [email] }],
    domains: [{ domain_id: domainId, joined_at: new Date('2019-05-03T10:00:00Z') }],
    timestamps: { creation: new Date('2019-05-03T10:00:00Z') },
    login: { failures: [], success: new Date('2024-01-01T00:00:00Z') },
    schemaVersion: 2,
    __v: 0,
  });
  return _id.toHexString();
}

/** A settings document in the OpenPaaS layout (storage.md §5). */
export async function seedSettings(
  db: Db,
  userId: string,
  domainId: ObjectId,
  modules: { name: string; configurations: { name: string; value: unknown }[] }[],
): Promise<void> {
  await db
    .collection('configurations')
    .insertOne({ domain_id: domainId, user_id: new ObjectId(userId), modules });
}

/** A resource as the original wrote it (storage.md §10). */
export async function seedResource(
  db: Db,
  domainId: ObjectId,
  fields: { name: string; icon?: string; description?: string; deleted?: boolean; creator?: string },
): Promise<string> {
  const _id = new ObjectId();
  const created = new Date('2025-01-10T09:00:00Z');
  await db.collection('resources').insertOne({
    _id,
    creator: new ObjectId(fields.creator ?? new ObjectId().toHexString()),
    deleted: fields.deleted ?? false,
    description: fields.description ?? '',
    domain: domainId,
    ...(fields.icon === undefined ? {} : { icon: fields.icon }),
    name: fields.name,
    timestamps: { creation: created, updatedAt: created },
    type: 'resource',
  });
  return _id.toHexString();
}
