import { addressKey } from '@app/ical';
import { isValidMailAddress } from '@app/core';
import {
  InvalidMessageError,
  JsonObject,
  MessageContract,
  defineContract,
  isJsonObject,
} from './message-contract';

/**
 * A DTSTART/DTEND side of `changes` (events.md §2.7): PHP's DateTime serialisation, as esn-sabre wrote it. The
 * producer writes `timezone_type: 3`; the parser does not require it.
 */
export interface ZonedDate {
  isAllDay: boolean;
  /** `yyyy-MM-dd HH:mm:ss.000000`, wall time in `timezone`. */
  date: string;
  timezone_type?: 3;
  timezone: string;
}

export interface TextChange {
  previous: string;
  current: string;
}

/** A side is omitted when DTEND is missing on that side. */
export interface DateChange {
  previous?: ZonedDate;
  current?: ZonedDate;
}

export interface EventChanges {
  summary?: TextChange;
  location?: TextChange;
  description?: TextChange;
  dtstart?: DateChange;
  dtend?: DateChange;
}

/**
 * Body of `calendar:event:notificationEmail:send` (events.md §2.7, mail.md §4) as the producer (scheduling, §3.2)
 * writes it: one message, one mail.
 */
export interface NotificationEmailBody {
  senderEmail: string;
  recipientEmail: string;
  method: string;
  /** ICS: the iTIP message, or a single VEVENT of it for recurring splits. */
  event: string;
  calendarURI: string | null;
  eventPath: string;
  /** Written only when true. */
  isNewEvent?: true;
  /** Only when a tracked field changed. */
  changes?: EventChanges;
  /** COUNTER only. */
  oldEvent?: string;
}

/** The same message as the consumer reads it: addresses bare and lower-cased, method upper-cased. */
export interface NotificationEmail extends Omit<NotificationEmailBody, 'isNewEvent'> {
  isNewEvent: boolean;
}

function address(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new InvalidMessageError(`${field} must be a string`);
  const normalized = addressKey(value);
  if (!isValidMailAddress(normalized))
    throw new InvalidMessageError(`${field} is not an e-mail address: ${value}`);
  return normalized;
}

function textChange(value: unknown, field: string): TextChange | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw new InvalidMessageError(`changes.${field} must be an object`);
  const text = (side: unknown) =>
    typeof side === 'string' ? side : side === null || side === undefined ? '' : String(side);
  return { previous: text(value.previous), current: text(value.current) };
}

function zonedDate(value: unknown, field: string): ZonedDate | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value) || typeof value.date !== 'string')
    throw new InvalidMessageError(`changes.${field} must be {isAllDay, date, timezone}`);
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value.date.trim()))
    throw new InvalidMessageError(`changes.${field}.date is not yyyy-MM-dd HH:mm:ss: ${value.date}`);
  return {
    isAllDay: value.isAllDay === true,
    date: value.date.trim(),
    timezone: typeof value.timezone === 'string' && value.timezone ? value.timezone : 'UTC',
  };
}

function dateChange(value: unknown, field: string): DateChange | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw new InvalidMessageError(`changes.${field} must be an object`);
  return {
    previous: zonedDate(value.previous, `${field}.previous`),
    current: zonedDate(value.current, `${field}.current`),
  };
}

function changesOf(value: unknown): EventChanges | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw new InvalidMessageError('changes must be an object');
  const changes: EventChanges = {};
  const summary = textChange(value.summary, 'summary');
  const location = textChange(value.location, 'location');
  const description = textChange(value.description, 'description');
  const dtstart = dateChange(value.dtstart, 'dtstart');
  const dtend = dateChange(value.dtend, 'dtend');
  if (summary) changes.summary = summary;
  if (location) changes.location = location;
  if (description) changes.description = description;
  if (dtstart) changes.dtstart = dtstart;
  if (dtend) changes.dtend = dtend;
  return changes;
}

export const NOTIFICATION_EMAIL_CONTRACT: MessageContract<NotificationEmail> = defineContract(
  'calendar:event:notificationEmail:send',
  (body) => {
    if (typeof body.method !== 'string' || !body.method.trim())
      throw new InvalidMessageError('method is missing');
    if (typeof body.event !== 'string' || !body.event.trim())
      throw new InvalidMessageError('event (ICS) is missing');
    if (body.oldEvent !== undefined && body.oldEvent !== null && typeof body.oldEvent !== 'string')
      throw new InvalidMessageError('oldEvent must be ICS text');
    return {
      senderEmail: address(body, 'senderEmail'),
      recipientEmail: address(body, 'recipientEmail'),
      method: body.method.trim().toUpperCase(),
      event: body.event,
      calendarURI: typeof body.calendarURI === 'string' ? body.calendarURI : null,
      eventPath: typeof body.eventPath === 'string' ? body.eventPath : '',
      isNewEvent: body.isNewEvent === true,
      changes: changesOf(body.changes),
      ...(typeof body.oldEvent === 'string' ? { oldEvent: body.oldEvent } : {}),
    };
  },
);

/** Parses and validates a message body; unknown fields are ignored (events.md §0). */
export const parseNotificationEmail = (content: Buffer | string): NotificationEmail =>
  NOTIFICATION_EMAIL_CONTRACT.parse(content);
