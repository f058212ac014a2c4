import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CredentialDirectory } from '@app/directory';
import { DeleteDirectoryUserCommand } from './delete-directory-user.command';

@CommandHandler(DeleteDirectoryUserCommand)
export class DeleteDirectoryUserHandler implements ICommandHandler<DeleteDirectoryUserCommand> {
  constructor(private readonly directory: CredentialDirectory) {}

  execute(command: DeleteDirectoryUserCommand): Promise<void> {
    return this.directory.delete(command.username);
  }
}
