import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ReadConfigurationsQuery } from '../../../user-settings/queries/read-configurations/read-configurations.query';
import { knownModules } from '../../../user-settings/settings-catalogue';
import { RegisteredUsers } from '../../registered-users';
import { CurrentUser, GetCurrentUserQuery } from './get-current-user.query';

@QueryHandler(GetCurrentUserQuery)
export class GetCurrentUserHandler implements IQueryHandler<GetCurrentUserQuery> {
  constructor(
    private readonly users: RegisteredUsers,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(query: GetCurrentUserQuery): Promise<CurrentUser | undefined> {
    const user = await this.users.of(query.username);
    if (!user) return undefined;
    const modules = await this.queryBus.execute(
      new ReadConfigurationsQuery(query.username, knownModules(), user),
    );
    return { user, modules };
  }
}
