import { Injectable, Logger } from '@nestjs/common';
import { DomainNotFoundError, User } from '@app/persistence';
import { UserProvisioning } from '../users/provisioning/user-provisioning';

/** How long this process trusts a registered user it has read (bounds how late a rename shows in `GET /api/user`). */
export const REGISTERED_USER_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  user: User;
  until: number;
  refreshing?: Promise<User | undefined>;
}

/**
 * The registered user behind a username, provisioned from the directory when missing (rest-api.md §2.9). The SPAs
 * call `GET /api/user` on every page load: a user found is kept in process for 5 s, as validated tokens are, so
 * that the call costs one settings read. Past that, the next call still answers from memory while one look-up
 * refreshes the entry; concurrent first calls share one look-up.
 */
@Injectable()
export class RegisteredUsers {
  private readonly logger = new Logger(RegisteredUsers.name);
  private readonly recent = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<User | undefined>>();

  constructor(private readonly provisioner: UserProvisioning) {}

  async of(username: string): Promise<User | undefined> {
    const key = username.toLowerCase();
    const entry = this.recent.get(key);
    if (!entry) return this.load(key);
    if (entry.until <= Date.now() && !entry.refreshing) {
      entry.refreshing = this.load(key).catch((error: unknown) => {
        this.logger.warn(`refresh of ${key} failed: ${String(error)}`);
        return entry.user;
      });
    }
    return entry.user;
  }

  private load(username: string): Promise<User | undefined> {
    const running = this.pending.get(username);
    if (running) return running;
    const loading = this.lookUp(username)
      .then((user) => {
        this.recent.delete(username);
        if (user) {
          if (this.recent.size >= MAX_ENTRIES) this.recent.delete(this.recent.keys().next().value!);
          this.recent.set(username, { user, until: Date.now() + REGISTERED_USER_TTL_MS });
        }
        return user;
      })
      .finally(() => this.pending.delete(username));
    this.pending.set(username, loading);
    return loading;
  }

  private async lookUp(username: string): Promise<User | undefined> {
    try {
      return await this.provisioner.ensureFromDirectory(username);
    } catch (error) {
      if (!(error instanceof DomainNotFoundError)) throw error;
      this.logger.warn(`${username} cannot be provisioned: ${error.message}`);
      return undefined;
    }
  }
}
