import { Logger } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { UserProvisioner } from '@app/auth';
import { DomainNotFoundError, User } from '@app/persistence';
import { ReadConfigurationsQuery } from '../../../user-settings/queries/read-configurations/read-configurations.query';
import { knownModules } from '../../../user-settings/settings-catalogue';
import { CurrentUser, GetCurrentUserQuery } from './get-current-user.query';

@QueryHandler(GetCurrentUserQuery)
export class GetCurrentUserHandler implements IQueryHandler<GetCurrentUserQuery> {
  private readonly logger = new Logger(GetCurrentUserHandler.name);

  constructor(
    private readonly provisioner: UserProvisioner,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(query: GetCurrentUserQuery): Promise<CurrentUser | undefined> {
    const user = await this.registered(query.username);
    if (!user) return undefined;
    const requests = knownModules().map(({ module, keys }) => ({ module, keys }));
    const modules = await this.queryBus.execute(new ReadConfigurationsQuery(query.username, requests, user));
    return { user, modules };
  }

  private async registered(username: string): Promise<User | undefined> {
    try {
      return await this.provisioner.ensureFromDirectory(username.toLowerCase());
    } catch (error) {
      if (!(error instanceof DomainNotFoundError)) throw error;
      this.logger.warn(`${username} cannot be provisioned: ${error.message}`);
      return undefined;
    }
  }
}
