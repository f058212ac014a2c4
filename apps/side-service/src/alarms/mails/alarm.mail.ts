import type { EventData } from '@app/ical';
import {
  attendeesRow,
  locationRow,
  notesRow,
  resourcesRow,
  videoRow,
} from '../../notifications/mails/event-blocks';
import { MailBody } from '../../notifications/mails/mail-body';
import { MailContext, RenderedMail } from '../../notifications/mails/mail-context';
import { alarmDuration } from './alarm-duration';

export const ALARM_TEMPLATE = 'event-alarm';

export interface AlarmMailInput {
  event: EventData;
  /** From the alarm's trigger time to the occurrence start. */
  startsInMs: number;
}

/**
 * `event-alarm` (mail.md §3.6): a reminder that the event starts soon. Banner "starts in <duration>", then the
 * heading, Location (link mode), Video, Attendees, Resources and Notes; no time row and no links (the mail carries no
 * date, so only the recipient's language matters).
 */
export function alarmMail(context: MailContext, { event, startsInMs }: AlarmMailInput): RenderedMail {
  const subject = context.t('mail_subject', { summary: event.summary });
  const body = new MailBody(context)
    .banner('', `${context.t('notification')} ${alarmDuration(context.locale.language, startsInMs)}`, 'blue')
    .heading(event.summary);
  locationRow(body, context, event.location, 'link');
  videoRow(body, context, event);
  attendeesRow(body, context, event);
  resourcesRow(body, context, event);
  notesRow(body, context, event);
  return body.render(subject);
}
