import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DomainRepository, UserRepository } from '@app/persistence';
import { canSeeDomain } from '../../../openpaas/viewer';
import { GetTimeZoneQuery } from '../../../user-settings/queries/get-time-zone/get-time-zone.query';
import type { VisibleUser } from '../../visible-user';
import { GetUserQuery } from './get-user.query';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(query: GetUserQuery): Promise<VisibleUser | undefined> {
    const user = await this.users.findById(query.id);
    if (!user?.domainId) return undefined;
    const domain = await this.domains.findById(user.domainId);
    if (!domain || !canSeeDomain(query.viewer, domain.name)) return undefined;
    return { user, timezone: await this.queryBus.execute(new GetTimeZoneQuery(user)) };
  }
}
