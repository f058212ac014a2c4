import { Module } from '@nestjs/common';
import { ClearDomainMembersHandler } from './commands/clear-domain-members/clear-domain-members.handler';
import { SyncDomainMembersHandler } from './commands/sync-domain-members/sync-domain-members.handler';
import { DomainMembersBook } from './domain-members-book';
import { MembersScopeResolver } from './members-scope';
import { LdapRoutesAvailabilityHandler } from './queries/domain-sync-availability/domain-sync-availability.handler';

const commandHandlers = [SyncDomainMembersHandler, ClearDomainMembersHandler];
const queryHandlers = [LdapRoutesAvailabilityHandler];

/**
 * LDAP → DAV domain-member synchronisation (webadmin.md §6.4–6.5): the sync and clear tasks over each domain's
 * `domain-members` address book. Its webadmin routes exist only when LDAP is configured.
 */
@Module({ providers: [...commandHandlers, ...queryHandlers, DomainMembersBook, MembersScopeResolver] })
export class DomainSyncModule {}
