import { Command } from '@nestjs/cqrs';

/**
 * Starts `sync-domain-members-contacts-ldap-to-dav` for one domain (`domain`) or all of them; resolves to the task
 * id. Parameters are the raw query values (validated by the handler).
 */
export class SyncDomainMembersCommand extends Command<string> {
  constructor(
    readonly domain: string | undefined,
    readonly ignoredDomains: string | undefined,
    readonly ldapFilter: string | undefined,
  ) {
    super();
  }
}
