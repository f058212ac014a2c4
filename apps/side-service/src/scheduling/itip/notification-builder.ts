import { InvalidLocalDeliveryMessageError } from '../scheduling.errors';
import { DiffEntry, diffEntries, instantiate } from './event-diff';
import { isEventOver } from './event-expiry';
import { VCalendar, ZonedValue, occurrenceKey } from '@app/ical';
import { NotificationEmailBody } from '@app/messaging';

/** What a single-recipient local-delivery message says, parsed (events.md §2.5). */
export interface NotificationInput {
  /** Stripped addresses. */
  sender: string;
  recipient: string;
  method: string;
  calendarId: string | null;
  /** The recipient's copy, or the default path of §2.7. */
  eventPath: string;
  message: VCalendar;
  oldMessage?: VCalendar;
  nowMs: number;
}

interface Draft {
  notification: NotificationEmailBody;
  /** The calendar of `notification.event`, when already parsed. */
  event?: VCalendar;
}

/**
 * The notifications of events.md §3.2 for one recipient, in order, past events dropped (expiry filter).
 * Throws `InvalidLocalDeliveryMessageError` for a COUNTER without `oldMessage` (its mail needs it).
 */
export function buildNotifications(input: NotificationInput): NotificationEmailBody[] {
  return drafts(input)
    .filter(
      (draft) => !isEventOver(draft.event ?? VCalendar.parse(draft.notification.event, 'event'), input.nowMs),
    )
    .map((draft) => draft.notification);
}

function drafts(input: NotificationInput): Draft[] {
  const { method, message, oldMessage } = input;
  const one = (event: VCalendar | string, extra: Partial<NotificationEmailBody> = {}): Draft => ({
    notification: {
      senderEmail: input.sender,
      recipientEmail: input.recipient,
      method,
      event: typeof event === 'string' ? event : event.text,
      calendarURI: input.calendarId,
      eventPath: input.eventPath,
      ...extra,
    },
    ...(typeof event === 'string' ? {} : { event }),
  });
  const perVevent = (isNewEvent: boolean) =>
    message.vevents.map((vevent) => fromEntry(input, { vevent, isNewEvent }, one));

  if (method === 'COUNTER') {
    if (!oldMessage) throw new InvalidLocalDeliveryMessageError('a COUNTER needs oldMessage');
    return [one(message, { oldEvent: oldMessage.text })];
  }
  if (!message.isRecurring()) {
    if (method === 'REPLY') return [one(message)];
    if (!oldMessage) return [one(message, method === 'REQUEST' ? { isNewEvent: true } : {})];
    return diffEntries(message, oldMessage, input.recipient).map((entry) => fromEntry(input, entry, one));
  }
  if (method === 'REPLY') return perVevent(false);
  if (!oldMessage) return perVevent(method === 'REQUEST');
  if (method !== 'REQUEST')
    return diffEntries(message, oldMessage, input.recipient).map((entry) => fromEntry(input, entry, one));

  const cancelled = newExdates(message, oldMessage);
  const cancellations = cancelled.map(({ value }) => {
    const oldMaster = oldMessage.master()!;
    const occurrence = instantiate(oldMessage, oldMaster, value, message.instantOf(value), true);
    return one(oldMessage.only(occurrence, 'CANCEL'), { method: 'CANCEL' });
  });
  const excluded = new Set(cancelled.map(({ key }) => key));
  const allDay = message.value(message.master()!, 'dtstart')?.isDate ?? false;
  const updates = diffEntries(message, oldMessage, input.recipient)
    .filter((entry) => {
      const recurrenceId = message.value(entry.vevent, 'recurrence-id');
      return !recurrenceId || !excluded.has(exdateKey(message, recurrenceId, allDay));
    })
    .map((entry) => fromEntry(input, entry, one));
  return [...cancellations, ...updates];
}

function fromEntry(
  input: NotificationInput,
  entry: DiffEntry,
  one: (event: VCalendar | string, extra?: Partial<NotificationEmailBody>) => Draft,
): Draft {
  const single = input.message.vevents.length === 1 && input.message.first === entry.vevent;
  return one(single ? input.message : input.message.only(entry.vevent), {
    ...(entry.isNewEvent ? { isNewEvent: true } : {}),
    ...(entry.changes ? { changes: entry.changes } : {}),
  });
}

/**
 * EXDATEs of the new master absent from the old master, compared as instants (as dates for all-day masters). Both
 * masters are needed.
 */
function newExdates(message: VCalendar, oldMessage: VCalendar): { value: ZonedValue; key: string }[] {
  const [master, oldMaster] = [message.master(), oldMessage.master()];
  if (!master || !oldMaster) return [];
  const allDay = message.value(master, 'dtstart')?.isDate ?? false;
  const known = new Set(
    oldMessage.values(oldMaster, 'exdate').map((value) => exdateKey(oldMessage, value, allDay)),
  );
  const added = new Map<string, ZonedValue>();
  for (const value of message.values(master, 'exdate')) {
    const key = exdateKey(message, value, allDay);
    if (!known.has(key) && !added.has(key)) added.set(key, value);
  }
  return [...added].map(([key, value]) => ({ key, value }));
}

function exdateKey(calendar: VCalendar, value: ZonedValue, allDay: boolean): string {
  const { year, month, day } = value.wall;
  return allDay ? `${year}-${month}-${day}` : occurrenceKey(calendar, { ...value, isDate: false });
}
