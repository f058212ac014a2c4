import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TeamCalendar, TeamCalendarRepository } from '@app/persistence';
import { GetDomainTeamCalendarQuery } from './get-domain-team-calendar.query';

@QueryHandler(GetDomainTeamCalendarQuery)
export class GetDomainTeamCalendarHandler implements IQueryHandler<GetDomainTeamCalendarQuery> {
  constructor(private readonly calendars: TeamCalendarRepository) {}

  async execute({ domainId, id }: GetDomainTeamCalendarQuery): Promise<TeamCalendar | undefined> {
    const calendar = await this.calendars.findById(id);
    return calendar?.domainId === domainId ? calendar : undefined;
  }
}
