import { DateFormatter, MailTranslator, MessageArgs } from '@app/mail';

/** Language and display zone of a mail's recipient (mail.md §7.2). */
export interface RecipientLocale {
  /** As stored: used for the dates and `Content-Language`; the text falls back to English when unsupported. */
  language: string;
  timeZone: string;
}

/** Base URLs of the links in mails, without a trailing slash. */
export interface MailLinks {
  spaCalendarUrl: string;
  spaExcalUrl: string;
  spaContactsUrl: string;
}

/** What a template needs to write one mail: its strings, the recipient's dates and the link bases. */
export class MailContext {
  readonly dates: DateFormatter;

  constructor(
    private readonly translator: MailTranslator,
    readonly template: string,
    readonly locale: RecipientLocale,
    readonly links: MailLinks,
  ) {
    this.dates = new DateFormatter(locale.language, locale.timeZone);
  }

  t(key: string, args?: MessageArgs): string {
    return this.translator.t(this.locale.language, this.template, key, args);
  }
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}
