import {
  CALENDAR_EVENT_ALARM_CONTRACT,
  CalendarEventMessage,
  InvalidMessageError,
  MessageContract,
  jsonObjectOf,
  readCalendarEventMessage,
} from '@app/messaging';

/** An alarm message as the alarm consumers see it: readable, or a reason why not. */
export type AlarmMessage = { message: CalendarEventMessage } | { invalid: string };

/**
 * `calendar:event:alarm:*` read leniently: events.md §4.1 acknowledges alarm messages whatever happens (errors
 * logged), so a JSON object whose fields are wrong (no `eventPath`, `event` not jCal) is reported to the handler,
 * which logs it and acks. A body that is not JSON at all still goes to the dead-letter queue (§1.1).
 */
export const ALARM_MESSAGE_CONTRACT: MessageContract<AlarmMessage> = {
  name: CALENDAR_EVENT_ALARM_CONTRACT.name,
  parse(content) {
    const body = jsonObjectOf(content);
    try {
      return { message: readCalendarEventMessage(body) };
    } catch (error) {
      if (error instanceof InvalidMessageError) return { invalid: error.details ?? error.message };
      throw error;
    }
  },
};
