import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainRepository, UserRepository } from '@app/persistence';
import { domainAndUser } from '../../domain-admins';
import { RevokeDomainAdminCommand } from './revoke-domain-admin.command';

@CommandHandler(RevokeDomainAdminCommand)
export class RevokeDomainAdminHandler implements ICommandHandler<RevokeDomainAdminCommand> {
  constructor(
    private readonly domains: DomainRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(command: RevokeDomainAdminCommand): Promise<void> {
    const { domain, user } = await domainAndUser(
      this.domains,
      this.users,
      command.domainName,
      command.username,
    );
    await this.domains.revokeAdministrator(domain.id, user.id);
  }
}
