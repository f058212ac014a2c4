import { Command } from '@nestjs/cqrs';

/** Makes a registered user administrator of the domain (idempotent). */
export class AddDomainAdminCommand extends Command<void> {
  constructor(
    public readonly domainName: string,
    public readonly username: string,
  ) {
    super();
  }
}
