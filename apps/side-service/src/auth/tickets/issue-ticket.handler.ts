import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketService } from '@app/auth';
import type { AuthTicket } from '@app/persistence';
import { IssueTicketCommand } from './issue-ticket.command';

@CommandHandler(IssueTicketCommand)
export class IssueTicketHandler implements ICommandHandler<IssueTicketCommand> {
  constructor(private readonly tickets: TicketService) {}

  execute(command: IssueTicketCommand): Promise<AuthTicket> {
    return this.tickets.issue(command.username, command.clientAddress);
  }
}
