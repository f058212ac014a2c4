import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MailDelivery } from '@app/mail';
import { LOGO_PNG } from '../../mails/logo';
import { MailContexts } from '../../mails/mail-contexts';
import { RecipientLocale } from '../../mails/mail-context';
import { importReportMail } from '../../mails/import-report.mail';
import { MailPeople, USER_DEFAULTS } from '../../people/mail-people';
import { FailedImportItem, SendImportReportCommand } from './send-import-report.command';

export const MAIL_SENDER_ADDRESS = Symbol('MAIL_SENDER_ADDRESS');

const raw = (value: string | null | undefined) => value ?? '';

function failureLine(kind: 'calendar' | 'contacts', item: FailedImportItem): string {
  if (kind === 'contacts') return raw(item.email);
  return `${raw(item.uid)} - ${raw(item.summary)} - ${raw(item.start)} / ${raw(item.end)}`;
}

/** The import report, from MAIL_SENDER, in the importing user's language, with the logo inline. */
@CommandHandler(SendImportReportCommand)
export class SendImportReportHandler implements ICommandHandler<SendImportReportCommand> {
  constructor(
    private readonly people: MailPeople,
    private readonly contexts: MailContexts,
    private readonly delivery: MailDelivery,
    @Inject(MAIL_SENDER_ADDRESS) private readonly sender: string,
    @Inject(USER_DEFAULTS) private readonly defaults: RecipientLocale,
  ) {}

  async execute(command: SendImportReportCommand) {
    const recipient = await this.people.person(command.username);
    const locale = { language: recipient.locale?.language ?? 'en', timeZone: this.defaults.timeZone };
    const template = command.kind === 'calendar' ? 'import-calendar' : 'import-contacts';
    const rendered = importReportMail(this.contexts.for(template, locale), {
      kind: command.kind,
      succeedCount: command.succeedCount,
      failedCount: command.failedCount,
      failures: command.failedItems.map((item) => failureLine(command.kind, item)),
    });
    const key = `import:${command.importId}:${command.username.toLowerCase()}`;
    return this.delivery.deliver(key, command.username.toLowerCase(), async () => ({
      from: await this.people.address(this.sender),
      to: await this.people.address(command.username.toLowerCase()),
      ...rendered,
      language: locale.language,
      inline: [{ cid: 'logo', filename: 'logo.png', contentType: 'image/png', content: LOGO_PNG }],
    }));
  }
}
