import type { EventData } from '@app/ical';
import {
  attendeesRow,
  locationRow,
  notesRow,
  resourcesRow,
  timeRow,
  videoRow,
} from '../../notifications/mails/event-blocks';
import type { MailBody } from '../../notifications/mails/mail-body';
import type { MailContext } from '../../notifications/mails/mail-context';

/**
 * The event table of both resource mails (mail.md §3.7, §3.8): time without "see in calendar", location with its
 * map link, video conference, attendees, resources, notes.
 */
export function resourceEventRows(body: MailBody, context: MailContext, event: EventData): void {
  timeRow(body, context, event, { seeInCalendar: false });
  locationRow(body, context, event.location, 'map');
  videoRow(body, context, event);
  attendeesRow(body, context, event);
  resourcesRow(body, context, event);
  notesRow(body, context, event);
}
