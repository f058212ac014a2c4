import type { EventData } from '@app/ical';
import {
  attendeesRow,
  locationRow,
  notesRow,
  resourcesRow,
  timeRow,
  videoRow,
} from '../../notifications/mails/event-blocks';
import { MailBody } from '../../notifications/mails/mail-body';
import type { MailContext, RenderedMail } from '../../notifications/mails/mail-context';

export interface ResourceReplyInput {
  event: EventData;
  resourceName: string;
  approved: boolean;
}

/** `resource-reply` (mail.md §3.8): the organizer learns what the resource's administrator decided. */
export function resourceReplyMail(
  context: MailContext,
  { event, resourceName, approved }: ResourceReplyInput,
): RenderedMail {
  const subject = context.t('mail_subject', {
    resourceName,
    resourceStatus: context.t(approved ? 'accepted' : 'declined'),
    summary: event.summary,
  });
  const body = new MailBody(context)
    .banner(
      '',
      `${context.t(approved ? 'resource_accept' : 'resource_decline')} ${resourceName}`,
      approved ? 'green' : 'red',
    )
    .heading(event.summary);
  timeRow(body, context, event, { seeInCalendar: false });
  locationRow(body, context, event.location, 'map');
  videoRow(body, context, event);
  attendeesRow(body, context, event);
  resourcesRow(body, context, event);
  notesRow(body, context, event);
  return body.render(subject);
}
