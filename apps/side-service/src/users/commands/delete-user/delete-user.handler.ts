import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { domainOfMailAddress } from '@app/core';
import { UserRepository } from '@app/persistence';
import { assertMailAddress } from '../../user-email';
import { DeleteUserCommand } from './delete-user.command';

@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute(command: DeleteUserCommand): Promise<boolean> {
    const email = assertMailAddress(command.email);
    if (command.scopeDomain !== undefined && domainOfMailAddress(email) !== command.scopeDomain.toLowerCase())
      return false;
    return this.users.deleteByEmail(email);
  }
}
