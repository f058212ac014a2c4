import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TeamCalendar, TeamCalendarRepository } from '@app/persistence';
import { ListTeamCalendarsQuery } from './list-team-calendars.query';

@QueryHandler(ListTeamCalendarsQuery)
export class ListTeamCalendarsHandler implements IQueryHandler<ListTeamCalendarsQuery> {
  constructor(private readonly calendars: TeamCalendarRepository) {}

  execute(query: ListTeamCalendarsQuery): Promise<TeamCalendar[]> {
    return this.calendars.listByDomain(query.domainId);
  }
}
