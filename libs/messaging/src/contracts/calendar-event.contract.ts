import { InvalidCalendarError, VCalendar } from '@app/ical';
import {
  JsonObject,
  MessageContract,
  defineContract,
  InvalidMessageError,
  optionalString,
  requiredString,
} from './message-contract';

/** Fields every DAV message may carry (events.md §2.1). */
export interface DavMessageFields {
  /** Principal URI of the authenticated caller; null or absent from old DAV versions. */
  connectedUser: string | null;
}

/**
 * `calendar:event:{created,updated,deleted,request,cancel,reply}` (events.md §2.2) and `calendar:event:alarm:*`
 * (§2.3): the calendar object, its jCal already parsed.
 */
export interface CalendarEventMessage extends DavMessageFields {
  eventPath: string;
  /** `event` (jCal): the VCALENDAR, METHOD removed; possibly a reduced copy for sharees of a private event. */
  event: VCalendar;
  /** `rawEvent` (ICS): the stored text, never reduced; optional for alarm messages. */
  rawEvent?: string;
  /** `old_event` (jCal): the previous version (`updated` caused by a PUT only). */
  oldEvent?: VCalendar;
  import: boolean;
  /** Subscriber copies only: path of the source object. */
  eventSourcePath?: string;
  /** ETag of the object when it still exists; informational. */
  etag?: string;
  /** The body as received. */
  body: Readonly<JsonObject>;
}

function calendarField(body: JsonObject, field: string): VCalendar {
  try {
    return VCalendar.fromJcal(body[field], field);
  } catch (error) {
    if (error instanceof InvalidCalendarError)
      throw new InvalidMessageError(error.details ?? `${field} is not jCal`);
    throw error;
  }
}

export function readCalendarEventMessage(body: JsonObject): CalendarEventMessage {
  if (body.event === undefined || body.event === null)
    throw new InvalidMessageError('event (jCal) is missing');
  const rawEvent = body.rawEvent;
  if (rawEvent !== undefined && rawEvent !== null && typeof rawEvent !== 'string')
    throw new InvalidMessageError('rawEvent must be ICS text');
  const connectedUser = body.connectedUser;
  return {
    eventPath: requiredString(body, 'eventPath'),
    event: calendarField(body, 'event'),
    ...(typeof rawEvent === 'string' && rawEvent.trim() ? { rawEvent } : {}),
    ...(body.old_event !== undefined && body.old_event !== null
      ? { oldEvent: calendarField(body, 'old_event') }
      : {}),
    import: body.import === true,
    ...(optionalString(body, 'eventSourcePath')
      ? { eventSourcePath: optionalString(body, 'eventSourcePath') }
      : {}),
    ...(optionalString(body, 'etag') ? { etag: optionalString(body, 'etag') } : {}),
    connectedUser: typeof connectedUser === 'string' ? connectedUser : null,
    body,
  };
}

/** `calendar:event:{created,updated,deleted,request,cancel,reply}` (events.md §2.2). */
export const CALENDAR_EVENT_CONTRACT: MessageContract<CalendarEventMessage> = defineContract(
  'calendar:event',
  readCalendarEventMessage,
);

/** `calendar:event:alarm:{created,updated,deleted,cancel,request}` (events.md §2.3): the same fields. */
export const CALENDAR_EVENT_ALARM_CONTRACT: MessageContract<CalendarEventMessage> = defineContract(
  'calendar:event:alarm',
  readCalendarEventMessage,
);
