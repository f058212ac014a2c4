import { Injectable } from '@nestjs/common';
import { UserRepository } from '@app/persistence';
import { ContactSearch } from '@app/search';
import { PeopleProvider, PeopleSearchRequest, wants } from '../people-search';
import { Person } from '../person';
import { PeopleUrls } from './people-urls';
import { userPerson } from './user-people.provider';

/**
 * The contact index shared with Twake Mail (the caller's contacts and its domain's). A hit that is a registered
 * user comes back as that user when users may be shown (all types or `user` asked, domain mode not `disabled`),
 * otherwise as a contact.
 */
@Injectable()
export class ContactPeopleProvider extends PeopleProvider {
  constructor(
    private readonly contacts: ContactSearch,
    private readonly users: UserRepository,
    private readonly urls: PeopleUrls,
  ) {
    super();
  }

  async find(request: PeopleSearchRequest): Promise<Person[]> {
    const { searcher } = request;
    if (!wants(request, 'contact')) return [];
    const hits = await this.contacts.search(
      { username: searcher.username, domain: searcher.domainName ?? '' },
      request.query,
      request.limit,
    );
    if (hits.length === 0) return [];
    const usersAllowed = wants(request, 'user') && searcher.userSearchMode !== 'disabled';
    const users = usersAllowed ? await this.users.findByEmails(hits.map((hit) => hit.email)) : [];
    const byEmail = new Map(users.map((user) => [user.email, user]));
    return hits.map((hit): Person => {
      const user = byEmail.get(hit.email);
      if (user) return userPerson(user, this.urls);
      return {
        id: hit.id,
        objectType: 'contact',
        displayName: `${hit.firstname} ${hit.surname}`.trim(),
        email: hit.email,
        emailType: 'Work',
        photoUrl: this.urls.avatar(hit.email),
      };
    });
  }
}
