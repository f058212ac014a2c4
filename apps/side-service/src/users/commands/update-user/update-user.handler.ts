import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainRepository, UserNotFoundError, UserRepository } from '@app/persistence';
import { domainOfUser } from '../../user-domain';
import { assertMailAddress } from '../../user-email';
import { UpdateUserCommand } from './update-user.command';

@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
  ) {}

  async execute(command: UpdateUserCommand): Promise<void> {
    const email = assertMailAddress(command.email);
    const user = await this.users.findById(command.id);
    if (!user) throw new UserNotFoundError(command.id);
    const domain = await domainOfUser(this.domains, email, command.scopeDomain);
    if (command.scopeDomain !== undefined && user.domainId !== domain.id)
      throw new UserNotFoundError(command.id);
    await this.users.update(command.id, {
      email,
      firstname: command.firstname,
      lastname: command.lastname,
      domainId: domain.id,
    });
  }
}
