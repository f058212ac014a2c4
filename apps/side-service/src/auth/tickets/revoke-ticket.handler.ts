import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketService } from '@app/auth';
import { RevokeTicketCommand } from './revoke-ticket.command';

@CommandHandler(RevokeTicketCommand)
export class RevokeTicketHandler implements ICommandHandler<RevokeTicketCommand> {
  constructor(private readonly tickets: TicketService) {}

  execute(command: RevokeTicketCommand): Promise<boolean> {
    return this.tickets.revoke(command.ticket, command.username);
  }
}
