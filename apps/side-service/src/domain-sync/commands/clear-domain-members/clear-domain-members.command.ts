import { Command } from '@nestjs/cqrs';

/** Starts `clear-domain-members-contacts-dav` for one domain or all of them; resolves to the task id. */
export class ClearDomainMembersCommand extends Command<string> {
  constructor(
    readonly domain: string | undefined,
    readonly ignoredDomains: string | undefined,
  ) {
    super();
  }
}
