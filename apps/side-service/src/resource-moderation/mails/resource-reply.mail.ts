import type { EventData } from '@app/ical';
import { MailBody } from '../../notifications/mails/mail-body';
import type { MailContext, RenderedMail } from '../../notifications/mails/mail-context';
import { resourceEventRows } from './resource-event-rows';

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
  resourceEventRows(body, context, event);
  return body.render(subject);
}
