import { randomBytes } from 'node:crypto';
import { Db, ObjectId } from 'mongodb';
import { ESN_NS, escapeXml } from './calendar-json';
import { Principal, PrincipalDirectory } from './principals';
import { Radicale } from './radicale';

/** What esn-sabre publishes on its broker; tests route it to a RabbitMQ vhost (or just look at `published`). */
export type DavPublisher = (exchange: string, body: Record<string, unknown>) => Promise<void>;

/** A sharee of a calendar as the double stores it (a JSON dead property of the shared calendar). */
export interface StoredInvite {
  href: string;
  principal: string;
  access: number;
  /** Calendar id of the sharee's instance, in the sharee's home. */
  instance: string;
}

const ACCESS: Record<string, number> = { 'dav:read': 2, 'dav:read-write': 3, 'dav:administration': 5 };

export class SharingRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * esn-sabre calendar sharing (dav.md §5.5, §5.7, events.md §2.8) on Radicale: the sharees of a calendar are a
 * dead property of it; each sharee gets its own calendar instance pointing back at the source
 * (`calendarserver:delegatedsource`), announced on `calendar:calendar:created` with `{access}`; revoking deletes the
 * instance (`calendar:calendar:deleted`). The first share of a resource's default calendar names it after the
 * resource.
 */
export class CalendarSharing {
  readonly published: { exchange: string; body: Record<string, unknown> }[] = [];
  publisher?: DavPublisher;

  constructor(
    private readonly radicale: Radicale,
    private readonly directory: PrincipalDirectory,
    private readonly db: Db,
  ) {}

  /** The stored sharees of `/calendars/{home}/{cal}`. */
  async invites(calendarPath: string): Promise<StoredInvite[]> {
    const [entry] = (await this.radicale.propfind(`${calendarPath}/`, '0', '<E:invites/>')) ?? [];
    const raw = entry?.props.get('invites');
    return raw ? (JSON.parse(raw) as StoredInvite[]) : [];
  }

  async publish(exchange: string, body: Record<string, unknown>): Promise<void> {
    this.published.push({ exchange, body });
    await this.publisher?.(exchange, body);
  }

  /** `POST /calendars/{home}/{cal}.json` `{"share":{"set":[…],"remove":[…]}}`. */
  async share(principal: Principal, calendarPath: string, body: unknown): Promise<void> {
    const [, home, calendar] = calendarPath.split('/').filter(Boolean) as [string, string, string];
    const owner = principal.kind === 'technical' || principal.id === home;
    if (!owner) throw new SharingRefused(403, 'only the owner or a technical user shares a calendar');
    const share = (body as { share?: { set?: unknown[]; remove?: unknown[] } })?.share;
    if (!share || typeof share !== 'object') throw new SharingRefused(400, 'share body expected');
    const [entry] = (await this.radicale.propfind(`${calendarPath}/`, '0', '<D:displayname/>')) ?? [];
    if (!entry) throw new SharingRefused(404, `Could not find node at path: ${calendarPath.slice(1)}`);
    // Radicale reports the path as the name of an unnamed collection.
    const unnamed = !entry.props.get('displayname') || entry.props.get('displayname')!.includes('/');
    if (home === calendar && unnamed) await this.nameAfterResource(home);

    const invites = await this.invites(calendarPath);
    const announcements: [string, Record<string, unknown>][] = [];
    for (const raw of share.set ?? []) {
      const set = raw as Record<string, unknown>;
      const rights = Object.keys(ACCESS).filter((right) => set[right] === true);
      if (typeof set['dav:href'] !== 'string' || rights.length !== 1)
        throw new SharingRefused(400, 'each sharee needs a dav:href and exactly one right');
      const email = set['dav:href'].replace(/^mailto:/i, '').toLowerCase();
      const sharee = await this.directory.byEmail(email);
      if (!sharee || sharee.kind === 'technical') continue;
      const access = ACCESS[rights[0]!]!;
      const existing = invites.find((invite) => invite.href === `mailto:${email}`);
      if (existing) {
        if (existing.access === access) continue;
        existing.access = access;
        announcements.push([
          'calendar:calendar:updated',
          {
            calendarPath: `/calendars/${sharee.id}/${existing.instance}`,
            calendarProps: { access: rights[0] },
          },
        ]);
        continue;
      }
      const instance = randomBytes(12).toString('hex');
      await this.radicale.ensureCollection(`/calendars/${sharee.id}/`, 'plain');
      await this.radicale.ensureCollection(
        `/calendars/${sharee.id}/${instance}/`,
        'calendar',
        escapeXml((unnamed ? await this.resourceName(home) : entry.props.get('displayname')) ?? calendar),
      );
      await this.setProperty(
        `/calendars/${sharee.id}/${instance}/`,
        'delegatedsource',
        `${calendarPath}.json`,
      );
      invites.push({
        href: `mailto:${email}`,
        principal: `principals/${sharee.kind === 'user' ? 'users' : `${sharee.kind}s`}/${sharee.id}`,
        access,
        instance,
      });
      announcements.push([
        'calendar:calendar:created',
        { calendarPath: `/calendars/${sharee.id}/${instance}`, calendarProps: { access: rights[0] } },
      ]);
    }
    for (const raw of share.remove ?? []) {
      const href = String((raw as Record<string, unknown>)['dav:href'] ?? '').toLowerCase();
      const index = invites.findIndex((invite) => invite.href === href);
      if (index < 0) continue;
      const [removed] = invites.splice(index, 1);
      const homeOf = removed!.principal.split('/').pop()!;
      const deleted = await this.radicale.request('DELETE', `/calendars/${homeOf}/${removed!.instance}/`);
      await deleted.body.dump();
      announcements.push([
        'calendar:calendar:deleted',
        { calendarPath: `/calendars/${homeOf}/${removed!.instance}`, calendarProps: null },
      ]);
    }
    await this.setProperty(`${calendarPath}/`, 'invites', JSON.stringify(invites));
    for (const [exchange, message] of announcements) await this.publish(exchange, message);
    if (announcements.length > 0)
      await this.publish('calendar:calendar:updated', {
        calendarPath,
        calendarProps: { delegation_updated: true },
      });
  }

  /** The `invite` member of a calendar's JSON: the owner, then the sharees. */
  async inviteJson(calendarPath: string): Promise<Record<string, unknown>[]> {
    const home = calendarPath.split('/').filter(Boolean)[1]!;
    const kind = (await this.resourceName(home)) !== undefined ? 'resources' : 'users';
    return [
      {
        href: `principals/${kind}/${home}`,
        principal: `principals/${kind}/${home}`,
        properties: [],
        access: 1,
        comment: null,
        inviteStatus: 2,
      },
      ...(await this.invites(calendarPath)).map((invite) => ({
        href: invite.href,
        principal: invite.principal,
        properties: {},
        access: invite.access,
        comment: null,
        inviteStatus: 2,
      })),
    ];
  }

  private async resourceName(id: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{24}$/i.test(id)) return undefined;
    const resource = await this.db.collection('resources').findOne({ _id: new ObjectId(id) });
    return resource ? String(resource.name ?? '') : undefined;
  }

  private async nameAfterResource(id: string): Promise<void> {
    const name = await this.resourceName(id);
    if (name) await this.setProperty(`/calendars/${id}/${id}/`, 'displayname', name, 'D');
  }

  private async setProperty(path: string, name: string, value: string, prefix = 'E'): Promise<void> {
    const response = await this.radicale.request('PROPPATCH', path, {
      headers: { 'content-type': 'application/xml' },
      body: `<D:propertyupdate xmlns:D="DAV:" xmlns:E="${ESN_NS}"><D:set><D:prop><${prefix}:${name}>${escapeXml(value)}</${prefix}:${name}></D:prop></D:set></D:propertyupdate>`,
    });
    const text = await response.body.text();
    if (response.status >= 300) throw new Error(`PROPPATCH ${path}: ${response.status} ${text}`);
  }
}
