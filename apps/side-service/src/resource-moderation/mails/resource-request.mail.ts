import type { EventData } from '@app/ical';
import { displayName } from '../../notifications/mails/event-blocks';
import { MailBody } from '../../notifications/mails/mail-body';
import type { MailContext, RenderedMail } from '../../notifications/mails/mail-context';
import { resourceEventRows } from './resource-event-rows';

export interface ResourceRequestInput {
  event: EventData;
  resourceName: string;
  /** `…/participation?status=ACCEPTED|DECLINED&referrer=email&jwt=…` */
  acceptUrl: string;
  declineUrl: string;
}

/** `resource-request` (mail.md §3.7): an administrator is asked to approve a booking of the resource. */
export function resourceRequestMail(
  context: MailContext,
  { event, resourceName, acceptUrl, declineUrl }: ResourceRequestInput,
): RenderedMail {
  const subject = context.t('mail_subject', {
    resourceName,
    summary: event.summary,
    organizer: displayName(event.organizer),
  });
  const body = new MailBody(context)
    .banner(
      event.organizer.cn || event.organizer.email,
      `${context.t('resource_request')} ${resourceName}`,
      'blue',
    )
    .heading(event.summary);
  resourceEventRows(body, context, event);
  body.buttons(context.t('accept_request'), [
    { label: context.t('accept'), url: acceptUrl },
    { label: context.t('decline'), url: declineUrl },
  ]);
  return body.render(subject);
}
