import { Injectable } from '@nestjs/common';
import { PeopleProvider, PeopleSearch, PeopleSearchRequest } from './people-search';
import { Person, comparePeople } from './person';
import { ContactPeopleProvider } from './providers/contact-people.provider';
import { ResourcePeopleProvider } from './providers/resource-people.provider';
import { TeamCalendarPeopleProvider } from './providers/team-calendar-people.provider';
import { UserPeopleProvider } from './providers/user-people.provider';

/**
 * Runs every provider (each decides whether the request concerns it), merges, ranks, keeps `limit`. A person two
 * providers return (a user found directly and through the contact index) is kept once.
 */
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
    const unique = new Map(found.flat().map((person) => [`${person.objectType}:${person.id}`, person]));
    return [...unique.values()].sort(comparePeople).slice(0, request.limit);
  }
}
