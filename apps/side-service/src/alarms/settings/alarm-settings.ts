import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { ConfigurationEntry, ConfigurationRepository, User, UserRepository } from '@app/persistence';
import { languageSetting } from '../../user-settings/language-setting';

/** `calendar.alarmEmails` (rest-api.md §5.3): a boolean, or its string form; default true. */
function enabled(value: unknown): boolean {
  if (value === false) return false;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'false') return false;
  return true;
}

/** What the alarm mail needs of its recipient. */
export interface AlarmRecipient {
  user?: User;
  /** `calendar.alarmEmails`, true unless turned off. */
  alarmEmails: boolean;
  /** `core.language`, else DEFAULT_LANGUAGE; `en` for people without a user record (mail.md §7.2). */
  language: string;
  /** From/To form: the user-record full name (the address when empty), bare without a record (mail.md §5.3). */
  name?: string;
}

/** Reads whether people want alarm e-mails, and in which language (events.md §4.1, §4.5; mail.md §3.6, §7.2). */
@Injectable()
export class AlarmSettings {
  private readonly logger = new Logger(AlarmSettings.name);
  private readonly defaultLanguage: string;

  constructor(
    private readonly users: UserRepository,
    private readonly configurations: ConfigurationRepository,
    config: ConfigService<AllConfig, true>,
  ) {
    this.defaultLanguage = config.get('userDefaults', { infer: true }).language;
  }

  /** Unknown people, and people whose settings cannot be read, keep the default (on). */
  async alarmEmailsEnabled(user: User | string): Promise<boolean> {
    const record = typeof user === 'string' ? await this.users.findByEmail(user) : user;
    if (!record) return true;
    return enabled(this.find(await this.entriesOf(record), 'calendar', 'alarmEmails')?.value);
  }

  /** The recipients of a batch of alarms: one query for their user records, then one per known user. */
  async recipients(emails: readonly string[]): Promise<Map<string, AlarmRecipient>> {
    const unique = [...new Set(emails.map((email) => email.toLowerCase()))];
    const users = await this.users.findByEmails(unique);
    const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
    const resolved = await Promise.all(
      unique.map(async (email): Promise<[string, AlarmRecipient]> => {
        const user = byEmail.get(email);
        if (!user) return [email, { alarmEmails: true, language: 'en' }];
        const entries = await this.entriesOf(user);
        const fullName = `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim();
        return [
          email,
          {
            user,
            alarmEmails: enabled(this.find(entries, 'calendar', 'alarmEmails')?.value),
            language: user.domainId ? languageSetting(entries, this.defaultLanguage) : 'en',
            name: fullName || email,
          },
        ];
      }),
    );
    return new Map(resolved);
  }

  private find(entries: ConfigurationEntry[], module: string, key: string): ConfigurationEntry | undefined {
    return entries.find((entry) => entry.module === module && entry.key === key);
  }

  private async entriesOf(user: User): Promise<ConfigurationEntry[]> {
    if (!user.domainId) return [];
    try {
      return await this.configurations.findEntries(user.domainId, user.id);
    } catch (error) {
      this.logger.error(`settings of ${user.email} unreadable, defaults used: ${(error as Error).message}`);
      return [];
    }
  }
}
