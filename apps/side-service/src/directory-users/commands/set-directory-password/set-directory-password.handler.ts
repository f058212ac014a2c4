import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CredentialDirectory } from '@app/directory';
import { SetDirectoryPasswordCommand } from './set-directory-password.command';

@CommandHandler(SetDirectoryPasswordCommand)
export class SetDirectoryPasswordHandler implements ICommandHandler<SetDirectoryPasswordCommand> {
  constructor(private readonly directory: CredentialDirectory) {}

  execute(command: SetDirectoryPasswordCommand): Promise<void> {
    return this.directory.setPassword(command.username, command.password, command.force);
  }
}
