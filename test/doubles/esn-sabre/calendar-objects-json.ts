import ICAL from 'ical.js';
import { escapeXml } from './calendar-json';
import type { Principal } from './principals';
import { Radicale, parseMultistatus } from './radicale';

type Publish = (exchange: string, body: Record<string, unknown>) => Promise<void>;

const CALDAV = 'xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"';
/** `{match}` and free-busy bounds: the SPA sends `20261206T000000` (UTC, basic format); ISO 8601 accepted too. */
export function parseInstant(value: string): Date {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/.exec(value);
  const iso = basic ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z` : value;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new JsonAnswer(400, `not a date: ${value}`);
  return date;
}

const stamp = (value: string) =>
  parseInstant(value)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * What the Calendar SPA asks of esn-sabre on calendar objects (notes/twake-calendar-spa.md, dav.md §4): the JSON
 * REPORTs `{match:{start,end}}` (on a calendar or one `.ics`, recurrences expanded) and `{sync-token}`, jCal PUT
 * bodies, and the messages esn-sabre publishes after a write (events.md §1.2, §2.2, §2.5).
 */
export class CalendarObjectsJson {
  constructor(
    private readonly radicale: Radicale,
    private readonly publish: Publish,
  ) {}

  /** `REPORT {match:{start,end}}` on `/calendars/{home}/{cal}` or on `/calendars/{home}/{cal}/{uid}.ics`. */
  async match(path: string, start: string, end: string): Promise<Record<string, unknown>> {
    const object = path.endsWith('.ics') ? path : undefined;
    const calendar = object ? path.slice(0, path.lastIndexOf('/')) : path;
    const range = `start="${stamp(start)}" end="${stamp(end)}"`;
    const body =
      `<?xml version="1.0" encoding="utf-8"?><C:calendar-query ${CALDAV}><D:prop><D:getetag/>` +
      `<C:calendar-data><C:expand ${range}/></C:calendar-data></D:prop><C:filter><C:comp-filter name="VCALENDAR">` +
      `<C:comp-filter name="VEVENT"><C:time-range ${range}/></C:comp-filter></C:comp-filter></C:filter>` +
      '</C:calendar-query>';
    const answer = await this.radicale.text('REPORT', `${calendar}/`, {
      headers: { depth: '1', 'content-type': 'application/xml' },
      body,
    });
    if (answer.status === 404) throw new JsonAnswer(404);
    if (answer.status !== 207) throw new JsonAnswer(502, `calendar-query: ${answer.status}`);
    const items = parseMultistatus(answer.text)
      .filter((entry) => entry.props.has('calendar-data') && (!object || entry.href === object))
      .map((entry) => ({
        _links: { self: { href: entry.href } },
        etag: entry.props.get('getetag'),
        status: 200,
        data: ICAL.parse(entry.props.get('calendar-data')!),
      }));
    return {
      _links: { self: { href: `${path}${object ? '' : '.json'}` } },
      _embedded: { 'dav:item': items, 'sync-token': await this.syncToken(calendar) },
    };
  }

  /** `REPORT {sync-token}`: what changed since the token (404 items for deleted objects) and the new token. */
  async sync(path: string, token: string): Promise<Record<string, unknown>> {
    const body =
      `<?xml version="1.0" encoding="utf-8"?><D:sync-collection ${CALDAV}><D:sync-token>${escapeXml(token)}` +
      '</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>';
    const answer = await this.radicale.text('REPORT', `${path}/`, {
      headers: { 'content-type': 'application/xml' },
      body,
    });
    if (answer.status === 403 || answer.status === 409) throw new JsonAnswer(403, 'invalid sync token');
    if (answer.status !== 207) throw new JsonAnswer(answer.status === 404 ? 404 : 502);
    const newToken = /<(?:\w+:)?sync-token>([^<]*)</.exec(
      answer.text.split(/<\/(?:\w+:)?response>/).pop()!,
    )?.[1];
    const items = answer.text
      .split(/<(?:\w+:)?response>/)
      .slice(1)
      .map((block) => {
        const href = decodeURIComponent(/<(?:\w+:)?href>([^<]*)</.exec(block)?.[1] ?? '');
        const status = /<(?:\w+:)?status>HTTP\/1\.1 (\d{3})/.exec(block)?.[1];
        const etag = /<(?:\w+:)?getetag>([^<]*)</.exec(block)?.[1]?.replace(/&quot;/g, '"');
        const gone = status === '404' && !etag;
        return { _links: { self: { href } }, status: gone ? 404 : 200, ...(gone ? {} : { etag }) };
      })
      .filter((item) => item._links.self.href.endsWith('.ics'));
    return { 'sync-token': newToken, _embedded: { 'dav:item': items } };
  }

  /** The calendar's current sync token (`DAV:sync-token`). */
  async syncToken(calendarPath: string): Promise<string | undefined> {
    const [entry] = (await this.radicale.propfind(`${calendarPath}/`, '0', '<D:sync-token/>')) ?? [];
    return entry?.props.get('sync-token');
  }

  /** A jCal PUT body (the SPA sends jCal with `Content-Type: text/calendar`) as the ICS Radicale stores. */
  static toIcs(body: string): string {
    const trimmed = body.trimStart();
    if (!trimmed.startsWith('[')) return body;
    return new ICAL.Component(JSON.parse(trimmed) as unknown[]).toString();
  }

  /** After a PUT or DELETE: `calendar:event:*`, and one `calendar:itip:localDelivery` per attendee of the organizer. */
  async afterWrite(
    principal: Principal,
    path: string,
    ics: string | undefined,
    previous: string | undefined,
  ): Promise<void> {
    const connectedUser = connectedUserOf(principal);
    const current = ics ?? previous;
    if (!current) return;
    const event = eventWithoutMethod(current);
    await this.publishEvent(
      !ics ? 'deleted' : previous ? 'updated' : 'created',
      principal,
      path,
      current,
      previous,
    );
    if (principal.kind === 'technical') return;
    const vevent = event.getFirstSubcomponent('vevent');
    const organizer = addressOf(vevent?.getFirstPropertyValue('organizer'));
    if (!vevent || organizer !== principal.email.toLowerCase()) return;
    const attendees = vevent
      .getAllProperties('attendee')
      .map((attendee) => addressOf(attendee.getFirstValue()))
      .filter((address): address is string => Boolean(address) && address !== organizer);
    const method = ics ? 'REQUEST' : 'CANCEL';
    const message = withMethod(current, method);
    for (const attendee of new Set(attendees))
      await this.publish('calendar:itip:localDelivery', {
        sender: `mailto:${organizer}`,
        method,
        uid: vevent.getFirstPropertyValue('uid'),
        message,
        ...(previous && ics ? { oldMessage: previous } : {}),
        hasChange: true,
        recipients: [`mailto:${attendee}`],
        calendarId: path.split('/')[3],
        connectedUser,
      });
  }

  /** After a MOVE: `calendar:event:created` for the object at its destination (events.md §1.2), no scheduling. */
  async afterMove(principal: Principal, destination: string, ics: string): Promise<void> {
    await this.publishEvent('created', principal, destination, ics, undefined);
  }

  private async publishEvent(
    topic: 'created' | 'updated' | 'deleted',
    principal: Principal,
    path: string,
    current: string,
    previous: string | undefined,
  ): Promise<void> {
    await this.publish(`calendar:event:${topic}`, {
      eventPath: path,
      event: eventWithoutMethod(current).toJSON(),
      rawEvent: current,
      ...(topic === 'updated' ? { old_event: eventWithoutMethod(previous!).toJSON() } : {}),
      import: false,
      connectedUser: connectedUserOf(principal),
    });
  }
}

export function connectedUserOf(principal: Principal): string | null {
  return principal.kind === 'technical' ? null : `principals/users/${principal.id}`;
}

export class JsonAnswer extends Error {
  constructor(
    readonly status: number,
    readonly text = '',
  ) {
    super(`${status} ${text}`);
  }
}

function eventWithoutMethod(ics: string): ICAL.Component {
  const component = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  component.removeAllProperties('method');
  return component;
}

function withMethod(ics: string, method: string): string {
  const component = eventWithoutMethod(ics);
  component.addPropertyWithValue('method', method);
  return component.toString();
}

function addressOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return (
    value
      .trim()
      .replace(/^mailto:/i, '')
      .toLowerCase() || undefined
  );
}
