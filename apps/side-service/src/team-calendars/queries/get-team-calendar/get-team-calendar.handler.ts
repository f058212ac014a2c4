import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainRepository, TeamCalendarRepository } from '@app/persistence';
import { canSeeDomain } from '../../../openpaas/viewer';
import { GetTeamCalendarQuery, VisibleTeamCalendar } from './get-team-calendar.query';

@QueryHandler(GetTeamCalendarQuery)
export class GetTeamCalendarHandler implements IQueryHandler<GetTeamCalendarQuery> {
  constructor(
    private readonly calendars: TeamCalendarRepository,
    private readonly domains: DomainRepository,
  ) {}

  async execute(query: GetTeamCalendarQuery): Promise<VisibleTeamCalendar | undefined> {
    const calendar = await this.calendars.findById(query.id);
    if (!calendar) return undefined;
    const domain = await this.domains.findById(calendar.domainId);
    return domain && canSeeDomain(query.viewer, domain.name) ? { calendar, domain } : undefined;
  }
}
