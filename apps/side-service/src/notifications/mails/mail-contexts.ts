import { Inject, Injectable } from '@nestjs/common';
import { MailTranslator } from '@app/mail';
import { MailContext, MailLinks, RecipientLocale } from './mail-context';

export const MAIL_LINKS = Symbol('MAIL_LINKS');

/** Builds the context each template renders with. */
@Injectable()
export class MailContexts {
  constructor(
    private readonly translator: MailTranslator,
    @Inject(MAIL_LINKS) private readonly links: MailLinks,
  ) {}

  for(template: string, locale: RecipientLocale): MailContext {
    return new MailContext(this.translator, template, locale, this.links);
  }
}
