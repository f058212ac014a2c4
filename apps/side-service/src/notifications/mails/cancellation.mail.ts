import {
  attendeesRow,
  displayName,
  forwardWarning,
  locationRow,
  notesRow,
  recurrenceRow,
  resourcesRow,
  timeRow,
} from './event-blocks';
import { EventMailInput } from './invitation.mail';
import { MailBody } from './mail-body';
import { MailContext, RenderedMail } from './mail-context';

/** `event-cancel` (mail.md §3.3), for events not created through a public booking: canceler = organizer. */
export function cancellationMail(
  context: MailContext,
  { event, internalRecipient }: EventMailInput,
): RenderedMail {
  const subject = context.t('mail_subject', {
    summary: event.summary,
    creator: displayName(event.organizer),
  });
  const body = new MailBody(context)
    .banner(displayName(event.organizer), context.t('cancel_meeting'), 'red')
    .heading(event.summary);
  timeRow(body, context, event, { seeInCalendar: internalRecipient });
  recurrenceRow(body, context, event);
  locationRow(body, context, event.location, 'map');
  attendeesRow(body, context, event);
  resourcesRow(body, context, event);
  notesRow(body, context, event);
  forwardWarning(body, context);
  return body.render(subject);
}
