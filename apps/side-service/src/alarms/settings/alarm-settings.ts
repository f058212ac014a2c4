import { Injectable, Logger } from '@nestjs/common';
import { ConfigurationRepository, User, UserRepository } from '@app/persistence';

/** `calendar.alarmEmails` (rest-api.md §5.3): a boolean, or its string form; default true. */
function enabled(value: unknown): boolean {
  if (value === false) return false;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'false') return false;
  return true;
}

/** Reads whether a person wants alarm e-mails (events.md §4.1, §4.5; mail.md §3.6). */
@Injectable()
export class AlarmSettings {
  private readonly logger = new Logger(AlarmSettings.name);

  constructor(
    private readonly users: UserRepository,
    private readonly configurations: ConfigurationRepository,
  ) {}

  /** Unknown people, and people whose settings cannot be read, keep the default (on). */
  async alarmEmailsEnabled(user: User | string): Promise<boolean> {
    const record = typeof user === 'string' ? await this.users.findByEmail(user) : user;
    if (!record?.domainId) return true;
    try {
      const entry = (await this.configurations.findEntries(record.domainId, record.id)).find(
        (candidate) => candidate.module === 'calendar' && candidate.key === 'alarmEmails',
      );
      return entry ? enabled(entry.value) : true;
    } catch (error) {
      this.logger.error(
        `settings of ${record.email} unreadable, alarm e-mails kept on: ${(error as Error).message}`,
      );
      return true;
    }
  }
}
