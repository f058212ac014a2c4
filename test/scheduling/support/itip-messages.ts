import { ChannelModel, connect } from 'amqplib';

export const ITIP_EXCHANGE = 'calendar:itip:localDelivery';
export const ITIP_QUEUE = 'tcalendar:itip:localDelivery';
export const ITIP_DLQ = 'tcalendar:itip:localDelivery:dead-letter';
export const NOTIFICATION_EXCHANGE = 'calendar:event:notificationEmail:send';

const PARIS = [
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

export interface EventSpec {
  uid: string;
  organizer: string;
  attendees: { email: string; partstat?: string }[];
  start?: string;
  end?: string;
  sequence?: number;
  summary?: string;
  location?: string;
  extra?: string[];
}

/** An iTIP message (or a stored copy without METHOD) as esn-sabre's scheduling broker writes it. */
export function ics(method: string | undefined, ...events: EventSpec[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sabre//Sabre VObject 4.5.6//EN',
    'CALSCALE:GREGORIAN',
    ...(method ? [`METHOD:${method}`] : []),
    ...PARIS,
    ...events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'DTSTAMP:20260110T081500Z',
      `SEQUENCE:${event.sequence ?? 0}`,
      `DTSTART;TZID=Europe/Paris:${event.start ?? '20300512T093000'}`,
      `DTEND;TZID=Europe/Paris:${event.end ?? '20300512T100000'}`,
      `SUMMARY:${event.summary ?? 'Weekly sync'}`,
      `LOCATION:${event.location ?? 'Room 2'}`,
      `ORGANIZER;CN=Ana Lima:mailto:${event.organizer}`,
      ...event.attendees.map(
        (attendee) =>
          `ATTENDEE;PARTSTAT=${attendee.partstat ?? 'NEEDS-ACTION'};RSVP=TRUE;CUTYPE=INDIVIDUAL:mailto:${attendee.email}`,
      ),
      ...(event.extra ?? []),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A `calendar:itip:localDelivery` body (events.md §2.5). */
export function localDelivery(fields: {
  sender: string;
  method: string;
  uid: string;
  message: string;
  oldMessage?: string;
  recipients: unknown[];
  calendarId?: string;
}): Record<string, unknown> {
  return { hasChange: true, connectedUser: null, ...fields, sender: `mailto:${fields.sender}` };
}

/** A queue of the test's own bound to an exchange of the virtual host: every message published there. */
export class ExchangeTap {
  readonly messages: Record<string, unknown>[] = [];

  private constructor(
    private readonly model: ChannelModel,
    private readonly queue: string,
  ) {}

  static async bind(uri: string, exchange: string): Promise<ExchangeTap> {
    const model = await connect(uri);
    model.on('error', () => undefined);
    const channel = await model.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, exchange, '');
    await channel.close();
    return new ExchangeTap(model, queue);
  }

  /** Everything received so far (new messages are fetched first). */
  async all(): Promise<Record<string, unknown>[]> {
    const channel = await this.model.createChannel();
    try {
      for (;;) {
        const message = await channel.get(this.queue, { noAck: true });
        if (!message) break;
        this.messages.push(JSON.parse(message.content.toString('utf8')) as Record<string, unknown>);
      }
    } finally {
      await channel.close();
    }
    return this.messages;
  }

  async close(): Promise<void> {
    await this.model.close().catch(() => undefined);
  }
}
