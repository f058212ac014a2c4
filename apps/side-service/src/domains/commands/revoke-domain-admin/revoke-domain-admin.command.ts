import { Command } from '@nestjs/cqrs';

/** Removes a user from the domain administrators (idempotent). */
export class RevokeDomainAdminCommand extends Command<void> {
  constructor(
    public readonly domainName: string,
    public readonly username: string,
  ) {
    super();
  }
}
