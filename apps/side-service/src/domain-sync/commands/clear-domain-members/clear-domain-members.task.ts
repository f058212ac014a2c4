import { nameBasedUuid } from '@app/core';
import type { Domain } from '@app/persistence';
import type { TaskInformation } from '../../../tasks/task';
import { DomainMembersTask } from '../../domain-members-run';

export const CLEAR_TASK_TYPE = 'clear-domain-members-contacts-dav';

/** Task `clear-domain-members-contacts-dav` (webadmin.md §6.5): every card of the book is deleted; LDAP untouched. */
export class ClearDomainMembersTask extends DomainMembersTask {
  readonly type = CLEAR_TASK_TYPE;

  protected async runDomain(domain: Domain, signal: AbortSignal): Promise<void> {
    const cards = await this.book.cards(domain.id);
    const deleted = cards
      .filter((card) => card.uid || card.email)
      .map((card) => ({ uid: card.uid ?? nameBasedUuid(card.email!), email: card.email ?? card.uid! }));
    await this.apply(domain, { added: [], updated: [], deleted }, signal);
  }

  information(): TaskInformation {
    return {
      ...this.scopeInformation(),
      deletedCount: this.deleted.count,
      deleteFailureContacts: [...this.deleted.failures],
    };
  }
}
