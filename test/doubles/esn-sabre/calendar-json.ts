import ICAL from 'ical.js';
import { ESN_NS, MultistatusEntry, Radicale } from './radicale';

/** esn-sabre's JSON answers (dav.md §4), built from standard requests to Radicale. */
export const CALENDAR_PROPS =
  '<D:displayname/><D:resourcetype/><CS:getctag/><A:calendar-color/><C:calendar-description/>' +
  '<E:source/><E:public-right/><E:delegatedsource/>';

const collectionPath = (path: string) => (path.endsWith('/') ? path : `${path}/`);
const trim = (path: string) => path.replace(/\/+$/, '');

export function isCalendar(entry: MultistatusEntry): boolean {
  return (
    /calendar/.test(entry.props.get('resourcetype') ?? '') &&
    !/addressbook/.test(entry.props.get('resourcetype') ?? '')
  );
}

function calendarJson(entry: MultistatusEntry, withRights: boolean, source?: Record<string, unknown>) {
  const json: Record<string, unknown> = {
    _links: { self: { href: `${trim(entry.href)}.json` } },
    'dav:name': nameOf(entry),
    'calendarserver:ctag': entry.props.get('getctag') ?? null,
  };
  if (entry.props.get('calendar-color')) json['apple:color'] = entry.props.get('calendar-color');
  if (entry.props.get('calendar-description'))
    json['caldav:description'] = entry.props.get('calendar-description');
  if (source) json['calendarserver:source'] = source;
  if (entry.props.get('delegatedsource'))
    json['calendarserver:delegatedsource'] = entry.props.get('delegatedsource');
  if (withRights) {
    json.invite = [];
    const publicRight = entry.props.get('public-right');
    json.acl = publicRight
      ? [{ privilege: publicRight, principal: '{DAV:}authenticated', protected: true }]
      : [];
  }
  return json;
}

/**
 * The stored display name; Radicale answers the path for a collection created without one, where esn-sabre has
 * none, except for the default calendar (`/calendars/{id}/{id}`), which it names `#default` (the SPA translates it).
 */
function nameOf(entry: MultistatusEntry): string | null {
  const stored = entry.props.get('displayname');
  const [, home, calendar] = trim(entry.href).split('/').filter(Boolean);
  if (stored && stored !== trim(entry.href).replace(/^\/+/, '')) return stored;
  return home !== undefined && home === calendar ? '#default' : null;
}

export class CalendarJson {
  constructor(private readonly radicale: Radicale) {}

  /** §4.2; `undefined` when the calendar does not exist. */
  async calendar(path: string, withRights: boolean): Promise<Record<string, unknown> | undefined> {
    const [entry] = (await this.radicale.propfind(collectionPath(path), '0', CALENDAR_PROPS)) ?? [];
    if (!entry || !isCalendar(entry)) return undefined;
    return calendarJson(entry, withRights, await this.sourceOf(entry));
  }

  /** §4.1: every calendar of the home. */
  async home(homePath: string, withRights: boolean): Promise<Record<string, unknown>> {
    const entries = (await this.radicale.propfind(collectionPath(homePath), '1', CALENDAR_PROPS)) ?? [];
    const calendars = [];
    for (const entry of entries.filter(isCalendar))
      calendars.push(calendarJson(entry, withRights, await this.sourceOf(entry)));
    return { _links: { self: { href: `${trim(homePath)}.json` } }, _embedded: { 'dav:calendar': calendars } };
  }

  /** §4.3: the first object of the home whose UID matches, as jCal. */
  async findByUid(homePath: string, uid: string): Promise<Record<string, unknown> | undefined> {
    const entries = (await this.radicale.propfind(collectionPath(homePath), '1', '<D:resourcetype/>')) ?? [];
    const query =
      '<C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:"><D:prop><D:getetag/><C:calendar-data/></D:prop>' +
      '<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:prop-filter name="UID">' +
      `<C:text-match collation="i;octet">${escapeXml(uid)}</C:text-match></C:prop-filter></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>`;
    for (const calendar of entries.filter(isCalendar)) {
      const response = await this.radicale.text('REPORT', collectionPath(calendar.href), {
        headers: { depth: '1', 'content-type': 'application/xml' },
        body: query,
      });
      const found = response.status === 207 ? parseItems(response.text)[0] : undefined;
      if (found)
        return {
          _links: { self: { href: `${trim(homePath)}.json` } },
          _embedded: {
            'dav:item': [
              {
                _links: { self: { href: found.href } },
                etag: found.etag,
                status: 200,
                data: ICAL.parse(found.ics),
              },
            ],
          },
        };
    }
    return undefined;
  }

  private async sourceOf(entry: MultistatusEntry): Promise<Record<string, unknown> | undefined> {
    const source = entry.props.get('source');
    if (!source) return undefined;
    const [target] = (await this.radicale.propfind(collectionPath(source), '0', CALENDAR_PROPS)) ?? [];
    return {
      _links: { self: { href: `${trim(source)}.json` } },
      'dav:name': target?.props.get('displayname') ?? null,
    };
  }
}

function parseItems(xml: string): { href: string; etag: string; ics: string }[] {
  const items = [];
  for (const block of xml.split(/<(?:\w+:)?response>/).slice(1)) {
    const href = /<(?:\w+:)?href>([^<]*)</.exec(block)?.[1];
    const etag = /<(?:\w+:)?getetag>([^<]*)</.exec(block)?.[1];
    const data = /<(?:\w+:)?calendar-data>([\s\S]*?)<\/(?:\w+:)?calendar-data>/.exec(block)?.[1];
    if (href && data)
      items.push({ href: decodeURI(href), etag: unescapeXml(etag ?? ''), ics: unescapeXml(data) });
  }
  return items;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export { ESN_NS };
