import { Injectable } from '@nestjs/common';
import { PeopleProvider, PeopleSearch, PeopleSearchRequest } from './people-search';
import { Person, comparePeople } from './person';
import { ContactPeopleProvider } from './providers/contact-people.provider';
import { ResourcePeopleProvider } from './providers/resource-people.provider';
import { TeamCalendarPeopleProvider } from './providers/team-calendar-people.provider';
import { UserPeopleProvider } from './providers/user-people.provider';

/** Runs every provider (each decides whether the request concerns it), merges, ranks, keeps `limit`. */
@Injectable()
export class MergedPeopleSearch extends PeopleSearch {
  private readonly providers: PeopleProvider[];

  constructor(
    users: UserPeopleProvider,
    resources: ResourcePeopleProvider,
    contacts: ContactPeopleProvider,
    teamCalendars: TeamCalendarPeopleProvider,
  ) {
    super();
    this.providers = [users, resources, contacts, teamCalendars];
  }

  async search(request: PeopleSearchRequest): Promise<Person[]> {
    const found = await Promise.all(this.providers.map((provider) => provider.find(request)));
    return found.flat().sort(comparePeople).slice(0, request.limit);
  }
}
