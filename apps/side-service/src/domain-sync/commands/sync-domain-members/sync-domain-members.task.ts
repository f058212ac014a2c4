import type { Directory } from '@app/directory';
import type { Domain, DomainRepository } from '@app/persistence';
import type { TaskInformation } from '../../../tasks/task';
import type { DomainMembersBook } from '../../domain-members-book';
import { diffMembers } from '../../domain-members-diff';
import { DomainMembersTask, MembersScope } from '../../domain-members-run';

export const SYNC_TASK_TYPE = 'sync-domain-members-contacts-ldap-to-dav';

/**
 * Task `sync-domain-members-contacts-ldap-to-dav` (webadmin.md §6.4): per domain, the LDAP members (optionally
 * narrowed by an administrator's filter) against the cards of the `domain-members` book; the difference is written.
 */
export class SyncDomainMembersTask extends DomainMembersTask {
  readonly type = SYNC_TASK_TYPE;

  constructor(
    scope: MembersScope,
    /** Canonical filter AND-ed with the default selection, and the text the administrator gave. */
    private readonly ldapFilter: { canonical: string; given: string } | undefined,
    private readonly directory: Directory,
    domains: DomainRepository,
    book: DomainMembersBook,
  ) {
    super(scope, domains, book);
  }

  protected async runDomain(domain: Domain, signal: AbortSignal): Promise<void> {
    const [entries, cards] = await Promise.all([
      this.directory.searchDomainMembers(domain.name, this.ldapFilter?.canonical),
      this.book.cards(domain.id),
    ]);
    const diff = diffMembers(entries, cards);
    if (diff.duplicates.length > 0)
      this.logger.warn(
        { domain: domain.name, duplicates: diff.duplicates },
        `${this.type}: duplicate addresses in ${domain.name}, the first one of each wins`,
      );
    if (signal.aborted) return;
    await this.apply(domain, diff, signal);
  }

  information(): TaskInformation {
    return {
      ...this.scopeInformation(),
      ...(this.ldapFilter ? { ldapFilter: this.ldapFilter.given } : {}),
      addedCount: this.added.count,
      addFailureContacts: [...this.added.failures],
      updatedCount: this.updated.count,
      updateFailureContacts: [...this.updated.failures],
      deletedCount: this.deleted.count,
      deleteFailureContacts: [...this.deleted.failures],
    };
  }
}
