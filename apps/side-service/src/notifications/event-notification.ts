import { InvalidArgumentError, isValidMailAddress } from '@app/core';

/** A previous DTSTART/DTEND as the notification producer writes it (events.md §2.7). */
export interface PreviousDateTime {
  isAllDay: boolean;
  /** Wall time in `timezone`: `yyyy-MM-dd HH:mm:ss.SSSSSS`. */
  date: string;
  timezone: string;
}

export interface TextChange {
  previous: string;
  current: string;
}

export interface DateTimeChange {
  previous?: PreviousDateTime;
  current?: PreviousDateTime;
}

export interface NotificationChanges {
  summary?: TextChange;
  location?: TextChange;
  description?: TextChange;
  dtstart?: DateTimeChange;
  dtend?: DateTimeChange;
}

/** Body of `calendar:event:notificationEmail:send` (events.md §2.7, mail.md §4): one message, one mail. */
export interface EventNotification {
  senderEmail: string;
  recipientEmail: string;
  method: string;
  /** ICS of the event (the iTIP message). */
  event: string;
  calendarURI: string | null;
  eventPath: string;
  isNewEvent: boolean;
  changes?: NotificationChanges;
  /** ICS of the current event; COUNTER only, required there. */
  oldEvent?: string;
}

/** A message that can never be processed: dead-lettered at once, with this reason logged. */
export class InvalidMessageError extends InvalidArgumentError {
  constructor(details: string) {
    super('The message is invalid', details);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function address(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new InvalidMessageError(`${field} must be a string`);
  const normalized = value
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (!isValidMailAddress(normalized))
    throw new InvalidMessageError(`${field} is not an e-mail address: ${value}`);
  return normalized;
}

function textChange(value: unknown, field: string): TextChange | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new InvalidMessageError(`changes.${field} must be an object`);
  const text = (side: unknown) =>
    typeof side === 'string' ? side : side === null || side === undefined ? '' : String(side);
  return { previous: text(value.previous), current: text(value.current) };
}

function dateTime(value: unknown, field: string): PreviousDateTime | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || typeof value.date !== 'string')
    throw new InvalidMessageError(`changes.${field} must be {isAllDay, date, timezone}`);
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value.date.trim()))
    throw new InvalidMessageError(`changes.${field}.date is not yyyy-MM-dd HH:mm:ss: ${value.date}`);
  return {
    isAllDay: value.isAllDay === true,
    date: value.date.trim(),
    timezone: typeof value.timezone === 'string' && value.timezone ? value.timezone : 'UTC',
  };
}

function dateTimeChange(value: unknown, field: string): DateTimeChange | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new InvalidMessageError(`changes.${field} must be an object`);
  return {
    previous: dateTime(value.previous, `${field}.previous`),
    current: dateTime(value.current, `${field}.current`),
  };
}

function changesOf(value: unknown): NotificationChanges | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new InvalidMessageError('changes must be an object');
  const changes: NotificationChanges = {};
  const summary = textChange(value.summary, 'summary');
  const location = textChange(value.location, 'location');
  const description = textChange(value.description, 'description');
  const dtstart = dateTimeChange(value.dtstart, 'dtstart');
  const dtend = dateTimeChange(value.dtend, 'dtend');
  if (summary) changes.summary = summary;
  if (location) changes.location = location;
  if (description) changes.description = description;
  if (dtstart) changes.dtstart = dtstart;
  if (dtend) changes.dtend = dtend;
  return changes;
}

/** Parses and validates a message body; unknown fields are ignored (events.md §0). */
export function parseEventNotification(content: Buffer | string): EventNotification {
  let body: unknown;
  try {
    body = JSON.parse(typeof content === 'string' ? content : content.toString('utf8'));
  } catch (error) {
    throw new InvalidMessageError(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(body)) throw new InvalidMessageError('the body must be a JSON object');
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
}
