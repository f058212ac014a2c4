import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetDomainByIdQuery } from '../../../domains/queries/get-domain-by-id/get-domain-by-id.query';
import { shortDomainJson } from '../../../openpaas/domain.json';
import { resourceJson } from '../../../openpaas/resource.json';
import { teamCalendarJson } from '../../../openpaas/team-calendar.json';
import { userJson } from '../../../openpaas/user.json';
import { GetResourceQuery } from '../../../resources/queries/get-resource/get-resource.query';
import { GetTeamCalendarQuery } from '../../../team-calendars/queries/get-team-calendar/get-team-calendar.query';
import { GetUserQuery } from '../../../user-profiles/queries/get-user/get-user.query';
import { GetEntityQuery } from './get-entity.query';

/**
 * Ids are ObjectIds unique across collections, so "first hit, another domain: 404 at once" is the same as asking
 * each kind in turn for what the viewer may see.
 */
@QueryHandler(GetEntityQuery)
export class GetEntityHandler implements IQueryHandler<GetEntityQuery> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ viewer, id }: GetEntityQuery): Promise<Record<string, unknown> | undefined> {
    const user = await this.queryBus.execute(new GetUserQuery(viewer, id));
    if (user) return { user: userJson(user.user, user.timezone) };
    const calendar = await this.queryBus.execute(new GetTeamCalendarQuery(viewer, id));
    if (calendar)
      return {
        teamCalendar: teamCalendarJson(calendar.calendar, calendar.domain, { domainAdministrators: true }),
      };
    const resource = await this.queryBus.execute(new GetResourceQuery(viewer, id));
    if (resource)
      return { resource: resourceJson(resource.resource, resource.domain, resource.administrators, 'short') };
    const domain = await this.queryBus.execute(new GetDomainByIdQuery(viewer, id));
    return domain ? { domain: shortDomainJson(domain, { administrators: true }) } : undefined;
  }
}
