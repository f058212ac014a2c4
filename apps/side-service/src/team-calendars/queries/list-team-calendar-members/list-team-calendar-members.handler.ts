import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DavTeamCalendarsClient, TeamCalendarMember } from '@app/dav-client';
import { TeamCalendarRepository } from '@app/persistence';
import { TeamCalendarNotFoundError } from '../../team-calendars.errors';
import { ListTeamCalendarMembersQuery } from './list-team-calendar-members.query';

@QueryHandler(ListTeamCalendarMembersQuery)
export class ListTeamCalendarMembersHandler implements IQueryHandler<ListTeamCalendarMembersQuery> {
  constructor(
    private readonly calendars: TeamCalendarRepository,
    private readonly dav: DavTeamCalendarsClient,
  ) {}

  async execute({ domain, id }: ListTeamCalendarMembersQuery): Promise<TeamCalendarMember[]> {
    const calendar = await this.calendars.findById(id);
    if (!calendar || calendar.domainId !== domain.id) throw new TeamCalendarNotFoundError(id);
    const members = await this.dav.members(domain.id, id);
    if (!members) throw new TeamCalendarNotFoundError(id);
    return members;
  }
}
