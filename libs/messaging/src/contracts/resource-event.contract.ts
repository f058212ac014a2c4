import { InvalidCalendarError, VCalendar } from '@app/ical';
import { InvalidMessageError, MessageContract, defineContract, requiredString } from './message-contract';

/** `resource:calendar:event:{created,accepted,declined}` (events.md §2.4). */
export interface ResourceEventMessage {
  resourceId: string;
  /** `created`: object uri of the resource copy; replies: the UID; a trailing `.ics` stripped. */
  eventId: string;
  /** Resource copy (`created`) or organizer copy (replies). */
  eventPath: string;
  /** `ics` as received. */
  ics: string;
  /** `ics` parsed. */
  calendar: VCalendar;
}

export const RESOURCE_EVENT_CONTRACT: MessageContract<ResourceEventMessage> = defineContract(
  'resource:calendar:event',
  (body) => {
    const ics = requiredString(body, 'ics', 'ics (ICS)');
    let calendar: VCalendar;
    try {
      calendar = VCalendar.parse(ics, 'ics');
    } catch (error) {
      if (error instanceof InvalidCalendarError)
        throw new InvalidMessageError(error.details ?? 'ics is not ICS');
      throw error;
    }
    return {
      resourceId: requiredString(body, 'resourceId').trim(),
      eventId: requiredString(body, 'eventId')
        .trim()
        .replace(/\.ics$/i, ''),
      eventPath: requiredString(body, 'eventPath'),
      ics,
      calendar,
    };
  },
);
