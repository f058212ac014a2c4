import { markup } from '@app/mail';
import { MailBody } from '../../notifications/mails/mail-body';
import type { MailContext, RenderedMail } from '../../notifications/mails/mail-context';

export type DelegationMailInput =
  | { kind: 'calendar'; delegatorName: string; calendarName: string }
  | { kind: 'resource'; resourceName: string };

/**
 * `calendar-delegate-created` (mail.md §3.10) and `calendar-resource-admin-created` (§3.11): the logo, a title
 * naming who shared what, and a link to the calendar list.
 */
export function calendarDelegationMail(context: MailContext, input: DelegationMailInput): RenderedMail {
  const home = context.links.spaCalendarUrl;
  const prefix = input.kind === 'calendar' ? 'mail_body_shared_calendar' : 'mail_body_resource_admin';
  const subject =
    input.kind === 'calendar'
      ? context.t('mail_subject', { delegatorName: input.delegatorName, calendarName: input.calendarName })
      : context.t('mail_subject', { calendarName: input.resourceName });
  const body = new MailBody(context);
  body.raw(
    markup`<p><a href="${home}"><img src="cid:logo" alt="Twake" width="315" height="45" style="border:0"></a></p>`,
    home,
  );
  const title =
    input.kind === 'calendar'
      ? `${input.delegatorName} ${context.t(`${prefix}_title_middle`)} "${input.calendarName}"${context.t(`${prefix}_title_suffix`)}`
      : `${context.t(`${prefix}_title`)} "${input.resourceName}"${context.t(`${prefix}_title_suffix`)}`;
  body.heading(title);
  const sentence = context.t(`${prefix}_body_prefix`);
  const link = context.t(`${prefix}_body_link`);
  body.paragraph(markup`${sentence} <a href="${home}">${link}</a>.`, `${sentence} ${link}: ${home}`);
  return body.render(subject);
}
