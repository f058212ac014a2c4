import { Command } from '@nestjs/cqrs';
import type { AuthTicket } from '@app/persistence';

export class IssueTicketCommand extends Command<AuthTicket> {
  constructor(
    public readonly username: string,
    public readonly clientAddress: string,
  ) {
    super();
  }
}
