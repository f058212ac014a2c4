import { SafeHtml, markup } from '@app/mail';
import { MailBody } from './mail-body';
import { MailContext, RenderedMail } from './mail-context';

export interface ImportReportInput {
  kind: 'calendar' | 'contacts';
  succeedCount: number;
  failedCount: number;
  /** One line per item not imported: `uid - summary - start / end`, or the contact's first e-mail. */
  failures: string[];
}

/** `import-calendar` / `import-contacts` (mail.md §3.9): the counts and the items that failed. */
export function importReportMail(context: MailContext, input: ImportReportInput): RenderedMail {
  const home = input.kind === 'calendar' ? context.links.spaCalendarUrl : context.links.spaContactsUrl;
  const body = new MailBody(context);
  body.raw(
    markup`<p><a href="${home}"><img src="cid:logo" alt="Twake" width="315" height="45" style="border:0"></a></p>`,
    home,
  );
  body.heading(context.t('header'));
  body.paragraph(markup`${context.t('completed_message')}`, context.t('completed_message'));
  const counts = [
    `${input.succeedCount} ${context.t('import_success')}`,
    `${input.failedCount} ${context.t('import_failure')}`,
  ];
  body.raw(
    markup`<ul>${counts.map((line) => markup`<li>${line}</li>`)}</ul>`,
    counts.map((line) => `- ${line}`).join('\n'),
  );
  if (input.failures.length > 0) {
    const list: SafeHtml = markup`<ul>${input.failures.map((line) => markup`<li>${line}</li>`)}</ul>`;
    body.raw(
      markup`<p>${context.t('import_failure_list')}</p>${list}`,
      [context.t('import_failure_list'), ...input.failures.map((line) => `- ${line}`)].join('\n'),
    );
  }
  return body.render(context.t('mail_subject'));
}
