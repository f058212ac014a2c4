import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AllConfig } from '@app/config';
import { User, UserRepository } from '@app/persistence';
import { PeopleProvider, PeopleSearchRequest } from '../people-search';
import { Person } from '../person';
import { PeopleUrls } from './people-urls';

export function userPerson(user: User, urls: PeopleUrls): Person {
  return {
    id: user.id,
    objectType: 'user',
    displayName: `${user.firstname} ${user.lastname}`.trim(),
    email: user.email,
    emailType: 'Work',
    photoUrl: urls.avatar(user.email),
  };
}

/**
 * Users of the caller's domain, only when `user` is asked without `contact` (otherwise users come through the
 * contact index), or also with `contact` when `PEOPLE_SEARCH_USERS_WITH_CONTACTS` is on (no contact index filled). Domain mode `disabled`: none; `limited`: the exact address only; `enabled`: prefix of address,
 * first or last name.
 */
@Injectable()
export class UserPeopleProvider extends PeopleProvider {
  private readonly alsoWithContacts: boolean;

  constructor(
    private readonly users: UserRepository,
    private readonly urls: PeopleUrls,
    config: ConfigService<AllConfig, true>,
  ) {
    super();
    this.alsoWithContacts = config.get('standalone', { infer: true }).peopleSearchUsersWithContacts;
  }

  async find(request: PeopleSearchRequest): Promise<Person[]> {
    const { searcher, types, query, limit } = request;
    if (!types.has('user') || (types.has('contact') && !this.alsoWithContacts) || !searcher.domainId)
      return [];
    if (searcher.userSearchMode === 'disabled') return [];
    if (searcher.userSearchMode === 'limited') {
      const user = query.trim() ? await this.users.findByEmail(query.trim()) : undefined;
      return user && user.domainId === searcher.domainId ? [userPerson(user, this.urls)] : [];
    }
    return (await this.users.search(searcher.domainId, query, limit)).map((user) =>
      userPerson(user, this.urls),
    );
  }
}
