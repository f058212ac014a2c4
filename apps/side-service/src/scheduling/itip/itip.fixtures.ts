/** Real-world shaped iTIP messages (as esn-sabre's scheduling broker writes them) for the unit tests. */

export const PARIS = [
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
    ...PARIS,
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
