import { Logger } from '@nestjs/common';
import { domainOfMailAddress, isValidMailAddress } from '@app/core';
import { Directory, DirectoryEntry, namesOf } from '@app/directory';
import { Domain, DomainNotFoundError, DomainRepository, UserRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../../../tasks/task';

export const IMPORT_TASK_TYPE = 'import-ldap-users';

/**
 * Task `import-ldap-users` (webadmin.md §5.3, storage.md §18.4): every entry of the user object class under the user
 * base, throttled to `usersPerSecond`. An entry with a valid `mail` is registered when unknown, its names updated when
 * they changed, left alone otherwise; entries without mail are skipped and not counted.
 */
export class ImportLdapUsersTask implements Task {
  readonly type = IMPORT_TASK_TYPE;
  private readonly logger = new Logger(ImportLdapUsersTask.name);
  private processed = 0;
  private failed = 0;
  private readonly domains = new Map<string, Promise<Domain | undefined>>();

  constructor(
    private readonly usersPerSecond: number,
    private readonly directory: Directory,
    private readonly users: UserRepository,
    private readonly domainRepository: DomainRepository,
  ) {}

  async run(signal: AbortSignal): Promise<TaskResult> {
    const entries = (await this.directory.listUserEntries()).filter((entry) =>
      isValidMailAddress(entry.mail?.trim() ?? ''),
    );
    const started = Date.now();
    for (const [index, entry] of entries.entries()) {
      if (signal.aborted) break;
      await pace(started + (index * 1000) / this.usersPerSecond, signal);
      if (signal.aborted) break;
      try {
        await this.importEntry(entry);
        this.processed++;
      } catch (error) {
        this.failed++;
        this.logger.warn(
          { err: error, user: entry.mail },
          `${this.type}: ${entry.mail} could not be imported`,
        );
      }
    }
    return this.failed === 0 ? 'completed' : 'partial';
  }

  information(): TaskInformation {
    return {
      processedUserCount: this.processed,
      failedUserCount: this.failed,
      runningOptions: { usersPerSecond: this.usersPerSecond },
    };
  }

  private async importEntry(entry: DirectoryEntry): Promise<void> {
    const email = entry.mail!.trim().toLowerCase();
    const names = namesOf(entry) ?? { firstname: '', lastname: '' };
    const existing = await this.users.findByEmail(email);
    if (existing && existing.firstname === names.firstname && existing.lastname === names.lastname) return;
    const domainName = domainOfMailAddress(email);
    const domain = await this.domainNamed(domainName);
    if (!domain) throw new DomainNotFoundError(domainName);
    if (!existing) await this.users.create({ email, ...names, domainId: domain.id });
    else await this.users.update(existing.id, { email: existing.email, ...names, domainId: domain.id });
  }

  private domainNamed(name: string): Promise<Domain | undefined> {
    let domain = this.domains.get(name);
    if (!domain) {
      domain = this.domainRepository.findByName(name);
      this.domains.set(name, domain);
    }
    return domain;
  }
}

/** Waits until `instant` (epoch ms), or until the task is cancelled. */
function pace(instant: number, signal: AbortSignal): Promise<void> {
  const delay = instant - Date.now();
  if (delay <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, delay);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
