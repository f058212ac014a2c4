import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { ConfigurationRepository, User, UserRepository } from '@app/persistence';
import { languageSetting } from '../../../user-settings/language-setting';

const FALLBACK = 'en';

/**
 * The language of the participation page (rest-api.md §5.9): an internal attendee's language setting (stored, or
 * `DEFAULT_LANGUAGE`), else the organizer's, else `en`; for an external attendee, the organizer's, else `en`.
 */
@Injectable()
export class ParticipationLocale {
  private readonly logger = new Logger(ParticipationLocale.name);
  private readonly defaultLanguage: string;

  constructor(
    private readonly users: UserRepository,
    private readonly configurations: ConfigurationRepository,
    config: ConfigService<AllConfig, true>,
  ) {
    this.defaultLanguage = config.get('userDefaults', { infer: true }).language;
  }

  async of(attendee: User | undefined, organizerEmail: string): Promise<string> {
    const own = attendee && (await this.languageOf(attendee));
    if (own) return own;
    const organizer = await this.users.findByEmail(organizerEmail);
    return (organizer && (await this.languageOf(organizer))) || FALLBACK;
  }

  /** The user's `core.language` setting, or the default language; `undefined` for a user without domain. */
  private async languageOf(user: User): Promise<string | undefined> {
    if (!user.domainId) return undefined;
    try {
      return languageSetting(
        await this.configurations.findEntries(user.domainId, user.id),
        this.defaultLanguage,
      );
    } catch (error) {
      this.logger.warn(`settings of ${user.email} unreadable: ${String(error)}`);
      return this.defaultLanguage;
    }
  }
}
