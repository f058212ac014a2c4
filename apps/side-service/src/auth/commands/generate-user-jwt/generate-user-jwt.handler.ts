import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserJwtService } from '@app/auth';
import { GenerateUserJwtCommand } from './generate-user-jwt.command';

@CommandHandler(GenerateUserJwtCommand)
export class GenerateUserJwtHandler implements ICommandHandler<GenerateUserJwtCommand> {
  constructor(private readonly jwt: UserJwtService) {}

  execute(command: GenerateUserJwtCommand): Promise<string> {
    return this.jwt.signUserToken(command.username);
  }
}
