import { Db, ObjectId } from 'mongodb';

/** Who an esn-sabre request acts as. */
export type Principal =
  | { kind: 'user' | 'resource' | 'team-calendar'; id: string; email: string; domainId: string }
  | { kind: 'technical'; domainId: string; domain: string };

const isHex = (value: string) => /^[0-9a-f]{24}$/i.test(value);

/**
 * Resolves principals the way esn-sabre does (dav.md §2.1), from the same database as the side service: a user by
 * `accounts.emails`, then `preferredEmail`, then `emails` (its first domain must carry the email's domain name),
 * then a resource or team calendar `{id}@{domain name}`.
 */
export class PrincipalDirectory {
  constructor(private readonly db: Db) {}

  async byEmail(rawEmail: string): Promise<Principal | undefined> {
    const email = rawEmail.toLowerCase();
    const at = email.lastIndexOf('@');
    if (at <= 0) return undefined;
    const domainName = email.slice(at + 1);
    for (const filter of [
      { 'accounts.emails': email },
      { preferredEmail: email },
      { emails: email },
      { email },
    ]) {
      const user = await this.db.collection('users').findOne(filter);
      if (!user) continue;
      const domainId = (user.domains as { domain_id: ObjectId }[] | undefined)?.[0]?.domain_id;
      const domain = domainId ? await this.db.collection('domains').findOne({ _id: domainId }) : null;
      if (!domain || String(domain.name).toLowerCase() !== domainName) return undefined;
      return { kind: 'user', id: user._id.toHexString(), email, domainId: domainId!.toHexString() };
    }
    const localPart = email.slice(0, at);
    if (!isHex(localPart)) return undefined;
    const domain = await this.db.collection('domains').findOne({ name: domainName });
    if (!domain) return undefined;
    const resource = await this.db.collection('resources').findOne({ _id: new ObjectId(localPart) });
    if (resource && String(resource.domain) === domain._id.toHexString())
      return { kind: 'resource', id: localPart, email, domainId: domain._id.toHexString() };
    const team = await this.db.collection('team_calendars').findOne({ _id: new ObjectId(localPart) });
    if (team && String(team.domainId) === domain._id.toHexString())
      return { kind: 'team-calendar', id: localPart, email, domainId: domain._id.toHexString() };
    return undefined;
  }

  /** The domain owning a calendar or address-book home (a user, resource, team calendar or domain id). */
  async domainOfHome(homeId: string): Promise<string | undefined> {
    if (!isHex(homeId)) return undefined;
    const id = new ObjectId(homeId);
    const user = await this.db.collection('users').findOne({ _id: id });
    if (user) return (user.domains as { domain_id: ObjectId }[] | undefined)?.[0]?.domain_id?.toHexString();
    const resource = await this.db.collection('resources').findOne({ _id: id });
    if (resource) return String(resource.domain);
    const team = await this.db.collection('team_calendars').findOne({ _id: id });
    if (team) return String(team.domainId);
    const domain = await this.db.collection('domains').findOne({ _id: id });
    return domain ? homeId : undefined;
  }
}
