import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainRepository, UserRepository } from '@app/persistence';
import { domainAndUser } from '../../domain-admins';
import { AddDomainAdminCommand } from './add-domain-admin.command';

@CommandHandler(AddDomainAdminCommand)
export class AddDomainAdminHandler implements ICommandHandler<AddDomainAdminCommand> {
  constructor(
    private readonly domains: DomainRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(command: AddDomainAdminCommand): Promise<void> {
    const { domain, user } = await domainAndUser(
      this.domains,
      this.users,
      command.domainName,
      command.username,
    );
    await this.domains.addAdministrators(domain.id, [user.id]);
  }
}
