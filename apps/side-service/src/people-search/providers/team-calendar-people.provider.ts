import { Injectable } from '@nestjs/common';
import { TeamCalendarRepository } from '@app/persistence';
import { PeopleProvider, PeopleSearchRequest, wants } from '../people-search';
import { Person } from '../person';

/** Team calendars of the caller's domain; address `{name}@{domain}`, never a picture. */
@Injectable()
export class TeamCalendarPeopleProvider extends PeopleProvider {
  constructor(private readonly calendars: TeamCalendarRepository) {
    super();
  }

  async find(request: PeopleSearchRequest): Promise<Person[]> {
    const { searcher } = request;
    if (!wants(request, 'team-calendar') || !searcher.domainId) return [];
    const found = await this.calendars.search(searcher.domainId, request.query, request.limit);
    return found.map((calendar) => ({
      id: calendar.id,
      objectType: 'team-calendar',
      displayName: calendar.displayName,
      email: `${calendar.name}@${calendar.domainName || searcher.domainName}`,
      emailType: 'default',
    }));
  }
}
