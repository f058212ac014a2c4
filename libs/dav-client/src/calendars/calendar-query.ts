import { SaxesParser } from 'saxes';

/** A prop-filter of the calendar-query REPORT (dav.md §6.2). */
export type CalendarQueryFilter =
  /** `<C:prop-filter name="…"><C:time-range end="…"/>`: the property is before `end` (UTC). */
  | { kind: 'before'; property: 'DTSTART' | 'DTSTAMP' | 'LAST-MODIFIED'; end: Date }
  /** An ATTENDEE `mailto:{email}` with `PARTSTAT=DECLINED` (case-insensitive). */
  | { kind: 'declinedBy'; email: string }
  /** Neither RRULE, RDATE nor RECURRENCE-ID. */
  | { kind: 'notRecurring' };

/** One object of a calendar-query answer: its href, its name (last segment without `.ics`) and its ICS. */
export interface CalendarQueryObject {
  href: string;
  objectName: string;
  ics: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

function propFilter(filter: CalendarQueryFilter): string {
  switch (filter.kind) {
    case 'before':
      return `<C:prop-filter name="${filter.property}"><C:time-range end="${utcStamp(filter.end)}"/></C:prop-filter>`;
    case 'declinedBy':
      return (
        '<C:prop-filter name="ATTENDEE">' +
        `<C:text-match collation="i;ascii-casemap">mailto:${escapeXml(filter.email)}</C:text-match>` +
        '<C:param-filter name="PARTSTAT"><C:text-match collation="i;ascii-casemap">DECLINED</C:text-match></C:param-filter>' +
        '</C:prop-filter>'
      );
    case 'notRecurring':
      return ['RRULE', 'RDATE', 'RECURRENCE-ID']
        .map((name) => `<C:prop-filter name="${name}"><C:is-not-defined/></C:prop-filter>`)
        .join('');
  }
}

/** The calendar-query REPORT body of dav.md §6.2: calendar data of every VEVENT object matching all `filters`. */
export function calendarQueryBody(filters: readonly CalendarQueryFilter[] = []): string {
  return (
    '<C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:">' +
    '<D:prop><C:calendar-data/></D:prop>' +
    '<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">' +
    filters.map(propFilter).join('') +
    '</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>'
  );
}

export function objectNameOf(href: string): string {
  const last = href.replace(/\/+$/, '').split('/').pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return name.replace(/\.ics$/i, '');
}

/**
 * Reads a 207 multistatus as it streams in: each `D:href` followed by a `C:calendar-data` yields one object
 * (dav.md §6.2). Objects are yielded as soon as their response element ends.
 */
export async function* multistatusObjects(
  chunks: AsyncIterable<Buffer | string>,
): AsyncGenerator<CalendarQueryObject> {
  const parser = new SaxesParser({ xmlns: true });
  const ready: CalendarQueryObject[] = [];
  let href: string | undefined;
  let text: string | undefined;
  let capture: 'href' | 'data' | undefined;
  parser.on('opentag', (tag) => {
    if (tag.local === 'response' && tag.uri === 'DAV:') href = undefined;
    if (tag.local === 'href' && tag.uri === 'DAV:' && href === undefined) {
      capture = 'href';
      text = '';
    }
    if (tag.local === 'calendar-data' && tag.uri === 'urn:ietf:params:xml:ns:caldav') {
      capture = 'data';
      text = '';
    }
  });
  parser.on('text', (value) => {
    if (capture) text += value;
  });
  parser.on('cdata', (value) => {
    if (capture) text += value;
  });
  parser.on('closetag', (tag) => {
    if (capture === 'href' && tag.local === 'href') {
      href = text!.trim();
      capture = undefined;
    } else if (capture === 'data' && tag.local === 'calendar-data') {
      capture = undefined;
      if (href && text!.trim()) ready.push({ href, objectName: objectNameOf(href), ics: text! });
    }
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    while (ready.length) yield ready.shift()!;
  }
  parser.write(decoder.decode());
  parser.close();
  while (ready.length) yield ready.shift()!;
}
