import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketService } from '@app/auth';
import { AuthenticateSocketCommand } from './authenticate-socket.command';

@CommandHandler(AuthenticateSocketCommand)
export class AuthenticateSocketHandler implements ICommandHandler<AuthenticateSocketCommand> {
  constructor(private readonly tickets: TicketService) {}

  execute(command: AuthenticateSocketCommand): Promise<string | undefined> {
    return this.tickets.consume(command.ticket.trim());
  }
}
