/**
 * The one iCalendar fixture set of the tests: real-world shaped calendars and iTIP messages, as esn-sabre (Sabre
 * VObject) writes them, with the Europe/Paris VTIMEZONE. Two ways to write events: content lines
 * (`calendar(method, weeklySync(...))`) or a spec (`ics(method, { uid, summary, start, organizer, attendees })`).
 */

export const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A VCALENDAR with the Paris VTIMEZONE and the given VEVENTs (each a list of content lines). */
export function calendar(method: string | undefined, ...vevents: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sabre//Sabre VObject 4.5.6//EN',
    'CALSCALE:GREGORIAN',
    ...(method ? [`METHOD:${method}`] : []),
    ...PARIS_VTIMEZONE,
    ...vevents.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export const ORGANIZER = 'ORGANIZER;CN=Ana Lima:mailto:ana@example.org';
export const ANA =
  'ATTENDEE;PARTSTAT=ACCEPTED;RSVP=FALSE;ROLE=CHAIR;CUTYPE=INDIVIDUAL;CN=Ana Lima:mailto:ana@example.org';
export const BOB =
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL;CN=Bob:mailto:bob@example.org';
export const CARLA =
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL:mailto:carla@example.org';
export const DAN =
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL:mailto:dan@partner.test';
export const ROOM =
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;CUTYPE=RESOURCE;CN=Room 4:mailto:6650a7000000000000000031@example.org';

/** The weekly sync on 12 May 2030, 09:30–10:00 Paris time, with Bob, Carla and Dan invited. */
export function weeklySync(overrides: Record<string, string | null> = {}, extra: string[] = []): string[] {
  const base: Record<string, string | null> = {
    UID: 'UID:weekly-sync',
    DTSTAMP: 'DTSTAMP:20260110T081500Z',
    SEQUENCE: 'SEQUENCE:0',
    DTSTART: 'DTSTART;TZID=Europe/Paris:20300512T093000',
    DTEND: 'DTEND;TZID=Europe/Paris:20300512T100000',
    SUMMARY: 'SUMMARY:Weekly sync',
    LOCATION: 'LOCATION:Room 2',
    DESCRIPTION: 'DESCRIPTION:Agenda:\\n- status\\n- risks',
    ORGANIZER,
    ANA,
    BOB,
    CARLA,
    DAN,
  };
  return [
    ...Object.values({ ...base, ...overrides }).filter((line): line is string => line !== null),
    ...extra,
  ];
}

/** 1 January 2026, the tests' "now". */
export const NOW = Date.UTC(2026, 0, 1);

/** An event written from fields (the e2e tests' shape); `ics` puts one or more in a calendar. */
export interface EventSpec {
  uid: string;
  summary?: string;
  /** Wall time in Europe/Paris, `yyyyMMddTHHmmss`. */
  start?: string;
  end?: string;
  organizer: string | { email: string; cn?: string };
  attendees: { email: string; cn?: string; partstat?: string; cutype?: string }[];
  location?: string;
  description?: string;
  rrule?: string;
  /** Wall time in Europe/Paris, `yyyyMMddTHHmmss`. */
  recurrenceId?: string;
  sequence?: number;
  comment?: string;
  dtstamp?: string;
  extra?: string[];
}

/** The VEVENT content lines of a spec (BEGIN/END included). */
export function vevent(spec: EventSpec): string[] {
  const cn = (name?: string) => (name ? `;CN=${name}` : '');
  const organizer = typeof spec.organizer === 'string' ? { email: spec.organizer } : spec.organizer;
  return [
    'BEGIN:VEVENT',
    `UID:${spec.uid}`,
    `DTSTAMP:${spec.dtstamp ?? '20250501T100000Z'}`,
    ...(spec.recurrenceId ? [`RECURRENCE-ID;TZID=Europe/Paris:${spec.recurrenceId}`] : []),
    ...(spec.start ? [`DTSTART;TZID=Europe/Paris:${spec.start}`] : []),
    ...(spec.end ? [`DTEND;TZID=Europe/Paris:${spec.end}`] : []),
    ...(spec.summary !== undefined ? [`SUMMARY:${spec.summary}`] : []),
    ...(spec.location ? [`LOCATION:${spec.location}`] : []),
    ...(spec.description ? [`DESCRIPTION:${spec.description.replace(/\n/g, '\\n')}`] : []),
    ...(spec.rrule ? [`RRULE:${spec.rrule}`] : []),
    ...(spec.sequence !== undefined ? [`SEQUENCE:${spec.sequence}`] : []),
    ...(spec.comment ? [`COMMENT:${spec.comment}`] : []),
    `ORGANIZER${cn(organizer.cn)}:mailto:${organizer.email}`,
    ...spec.attendees.map(
      (attendee) =>
        `ATTENDEE${cn(attendee.cn)}${attendee.cutype ? `;CUTYPE=${attendee.cutype}` : ''};PARTSTAT=${attendee.partstat ?? 'NEEDS-ACTION'};RSVP=TRUE:mailto:${attendee.email}`,
    ),
    ...(spec.extra ?? []),
    'END:VEVENT',
  ];
}

/** A calendar (with the Paris VTIMEZONE, METHOD when given) of the events of the specs. */
export function ics(method: string | undefined, ...events: EventSpec[]): string {
  return calendar(method, ...events.map((spec) => vevent(spec).slice(1, -1)));
}
