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

export interface EventSpec {
  uid: string;
  summary: string;
  /** Local wall time in Europe/Paris, `yyyyMMddTHHmmss`. */
  start: string;
  end?: string;
  organizer: { email: string; cn?: string };
  attendees: { email: string; cn?: string; partstat?: string; cutype?: string }[];
  location?: string;
  description?: string;
  rrule?: string;
  recurrenceId?: string;
  method?: string;
  sequence?: number;
  extra?: string[];
  comment?: string;
}

const VTIMEZONE_PARIS = [
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

export function vevent(spec: EventSpec): string[] {
  const cn = (name?: string) => (name ? `;CN=${name}` : '');
  return [
    'BEGIN:VEVENT',
    `UID:${spec.uid}`,
    'DTSTAMP:20250501T100000Z',
    ...(spec.recurrenceId ? [`RECURRENCE-ID;TZID=Europe/Paris:${spec.recurrenceId}`] : []),
    `DTSTART;TZID=Europe/Paris:${spec.start}`,
    ...(spec.end ? [`DTEND;TZID=Europe/Paris:${spec.end}`] : []),
    `SUMMARY:${spec.summary}`,
    ...(spec.location ? [`LOCATION:${spec.location}`] : []),
    ...(spec.description ? [`DESCRIPTION:${spec.description.replace(/\n/g, '\\n')}`] : []),
    ...(spec.rrule ? [`RRULE:${spec.rrule}`] : []),
    ...(spec.sequence !== undefined ? [`SEQUENCE:${spec.sequence}`] : []),
    ...(spec.comment ? [`COMMENT:${spec.comment}`] : []),
    `ORGANIZER${cn(spec.organizer.cn)}:mailto:${spec.organizer.email}`,
    ...spec.attendees.map(
      (attendee) =>
        `ATTENDEE${cn(attendee.cn)}${attendee.cutype ? `;CUTYPE=${attendee.cutype}` : ''};PARTSTAT=${attendee.partstat ?? 'NEEDS-ACTION'};RSVP=TRUE:mailto:${attendee.email}`,
    ),
    ...(spec.extra ?? []),
    'END:VEVENT',
  ];
}

/** An iTIP calendar with a VTIMEZONE and one or more VEVENTs. */
export function ics(method: string | undefined, ...events: EventSpec[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sabre//Sabre VObject 4.5.6//EN',
    'CALSCALE:GREGORIAN',
    ...(method ? [`METHOD:${method}`] : []),
    ...VTIMEZONE_PARIS,
    ...events.flatMap(vevent),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export const NOTIFICATION_EXCHANGE = 'calendar:event:notificationEmail:send';
export const NOTIFICATION_QUEUE = 'tcalendar:event:notificationEmail:send';
export const NOTIFICATION_DLQ = 'tcalendar:event:notificationEmail:send:dead-letter';
