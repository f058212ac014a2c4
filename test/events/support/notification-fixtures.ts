import { Db, ObjectId } from 'mongodb';

export interface SeededUser {
  id: ObjectId;
  email: string;
}

/** Seeds a domain as the original wrote it. */
export async function seedDomain(db: Db, name: string): Promise<ObjectId> {
  const id = new ObjectId();
  await db.collection('domains').insertOne({
    _id: id,
    name,
    company_name: name,
    hostnames: [],
    administrators: [],
    timestamps: { creation: new Date() },
  });
  return id;
}

/** Seeds an OpenPaaS user and, when given, its `core` settings (storage.md §3, §5). */
export async function seedUser(
  db: Db,
  domainId: ObjectId,
  user: { email: string; firstname: string; lastname: string; language?: string; timeZone?: string },
): Promise<SeededUser> {
  const id = new ObjectId();
  await db.collection('users').insertOne({
    _id: id,
    firstname: user.firstname,
    lastname: user.lastname,
    password: 'secret',
    domains: [{ domain_id: domainId }],
    accounts: [{ type: 'email', hosted: true, emails: [user.email] }],
  });
  const configurations = [
    ...(user.language ? [{ name: 'language', value: user.language }] : []),
    ...(user.timeZone
      ? [{ name: 'datetime', value: { timeZone: user.timeZone, use24hourFormat: true } }]
      : []),
  ];
  if (configurations.length > 0)
    await db.collection('configurations').insertOne({
      domain_id: domainId,
      user_id: id,
      modules: [{ name: 'core', configurations }],
    });
  return { id, email: user.email };
}

export { EventSpec, ics, vevent } from '@app/testing';

export const NOTIFICATION_EXCHANGE = 'calendar:event:notificationEmail:send';
export const NOTIFICATION_QUEUE = 'tcalendar:event:notificationEmail:send';
export const NOTIFICATION_DLQ = 'tcalendar:event:notificationEmail:send:dead-letter';
