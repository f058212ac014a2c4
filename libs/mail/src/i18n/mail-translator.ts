import { Injectable, Logger } from '@nestjs/common';
import { I18nService } from 'nestjs-i18n';

/** Languages with mail bundles; English is mandatory and the fallback (mail.md §7.1). */
export const MAIL_LANGUAGES = ['en', 'fr', 'ru', 'vi'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export type MessageArgs = Record<string, string | number>;

/**
 * Mail strings from the `mail.json` bundles through nestjs-i18n. A key is looked up in the template's section
 * (of `mail.json`, else of another bundle file of the language), then in the shared `common` section; the recipient's language first, then English, then the key name itself.
 * A regional or unknown language code (`fr-FR`) gets the English text.
 */
@Injectable()
export class MailTranslator {
  private readonly logger = new Logger(MailTranslator.name);
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly i18n: I18nService) {}

  bundleLanguage(language: string): MailLanguage {
    return (MAIL_LANGUAGES as readonly string[]).includes(language) ? (language as MailLanguage) : 'en';
  }

  t(language: string, template: string, key: string, args?: MessageArgs): string {
    const lang = this.bundleLanguage(language);
    const text =
      this.lookup(lang, `mail.${template}.${key}`) ??
      this.lookupElsewhere(lang, template, key) ??
      this.lookup(lang, `mail.common.${key}`) ??
      this.lookup('en', `mail.${template}.${key}`) ??
      this.lookupElsewhere('en', template, key) ??
      this.lookup('en', `mail.common.${key}`);
    if (text === undefined) {
      this.logger.debug(`no "${key}" string for ${template}: the key name is used`);
      return key;
    }
    return args ? interpolate(text, args) : text;
  }

  /**
   * A template section in another bundle file of the language (`<lang>/<feature>.json`), so that features keep
   * their strings in their own file.
   */
  private lookupElsewhere(lang: string, template: string, key: string): string | undefined {
    const bundles = this.i18n.getTranslations()[lang];
    if (typeof bundles !== 'object' || bundles === null) return undefined;
    for (const namespace of Object.keys(bundles)) {
      if (namespace === 'mail') continue;
      const text = this.lookup(lang, `${namespace}.${template}.${key}`);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  private lookup(lang: string, path: string): string | undefined {
    const cacheKey = `${lang}|${path}`;
    let value = this.cache.get(cacheKey);
    if (value === undefined) {
      let node: unknown = this.i18n.getTranslations()[lang];
      for (const segment of path.split('.')) {
        node =
          typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
      }
      value = typeof node === 'string' ? node : null;
      this.cache.set(cacheKey, value);
    }
    return value ?? undefined;
  }
}

/** `{name}` placeholders, replaced without escaping (subjects are never escaped; bodies escape the result). */
export function interpolate(text: string, args: MessageArgs): string {
  return text.replace(/\{([A-Za-z0-9_.]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}
