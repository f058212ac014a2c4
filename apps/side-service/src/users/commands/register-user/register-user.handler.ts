import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainRepository, User, UserRepository } from '@app/persistence';
import { domainOfUser } from '../../user-domain';
import { assertMailAddress } from '../../user-email';
import { RegisterUserCommand } from './register-user.command';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
  ) {}

  async execute(command: RegisterUserCommand): Promise<User> {
    const email = assertMailAddress(command.email);
    const domain = await domainOfUser(this.domains, email, command.scopeDomain);
    return this.users.create({
      email,
      firstname: command.firstname,
      lastname: command.lastname,
      domainId: domain.id,
    });
  }
}
