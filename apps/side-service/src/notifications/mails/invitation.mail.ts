import { EventData } from '@app/ical';
import {
  AnswerLinks,
  answerStrip,
  attendeesRow,
  displayName,
  forwardWarning,
  locationRow,
  notesRow,
  recurrenceRow,
  resourcesRow,
  timeRow,
  videoRow,
} from './event-blocks';
import { MailBody } from './mail-body';
import { MailContext, RenderedMail } from './mail-context';

export interface EventMailInput {
  event: EventData;
  /** The recipient has a user account (gets the "see in calendar" link). */
  internalRecipient: boolean;
  /** Yes / maybe / no links; absent without an ORGANIZER. */
  answers?: AnswerLinks;
}

/** `event-invite` (mail.md §3.1). */
export function invitationMail(
  context: MailContext,
  { event, internalRecipient, answers }: EventMailInput,
): RenderedMail {
  const subject = context.t('mail_subject', {
    organizer: displayName(event.organizer),
    summary: event.summary,
  });
  const body = new MailBody(context)
    .banner(event.organizer.cn, context.t('invite_to_meeting'), 'green')
    .heading(event.summary);
  timeRow(body, context, event, { seeInCalendar: internalRecipient });
  recurrenceRow(body, context, event);
  locationRow(body, context, event.location, 'map');
  videoRow(body, context, event);
  attendeesRow(body, context, event);
  resourcesRow(body, context, event);
  notesRow(body, context, event);
  if (answers) answerStrip(body, context, answers);
  forwardWarning(body, context);
  return body.render(subject);
}
