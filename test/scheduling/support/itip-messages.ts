import { ChannelModel, connect } from 'amqplib';
import { ics as calendarOf } from '@app/testing';

export const ITIP_EXCHANGE = 'calendar:itip:localDelivery';
export const ITIP_QUEUE = 'tcalendar:itip:localDelivery';
export const ITIP_DLQ = 'tcalendar:itip:localDelivery:dead-letter';
export const NOTIFICATION_EXCHANGE = 'calendar:event:notificationEmail:send';

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
  return calendarOf(
    method,
    ...events.map((event) => ({
      uid: event.uid,
      dtstamp: '20260110T081500Z',
      sequence: event.sequence ?? 0,
      start: event.start ?? '20300512T093000',
      end: event.end ?? '20300512T100000',
      summary: event.summary ?? 'Weekly sync',
      location: event.location ?? 'Room 2',
      organizer: { email: event.organizer, cn: 'Ana Lima' },
      attendees: event.attendees.map((attendee) => ({ ...attendee, cutype: 'INDIVIDUAL' })),
      extra: event.extra,
    })),
  );
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
