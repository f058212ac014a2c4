import type { UserSearchMode } from '@app/persistence';
import type { Person, PersonType } from './person';

/** Who searches, and in which domain (people search never leaves the caller's domain and contacts). */
export interface Searcher {
  username: string;
  /** Lower-case domain name of the caller's address; absent when it has none. */
  domainName?: string;
  /** Absent when the domain is not registered. */
  domainId?: string;
  userSearchMode: UserSearchMode;
}

export interface PeopleSearchRequest {
  searcher: Searcher;
  query: string;
  /** Empty: every type. */
  types: ReadonlySet<PersonType>;
  limit: number;
}

/** True when the request asks for every type, or for this one. */
export const wants = (request: PeopleSearchRequest, type: PersonType): boolean =>
  request.types.size === 0 || request.types.has(type);

/**
 * Port: the people search of rest-api.md §5.7, merged and ranked. Its sources (users, resources, the contact index,
 * team calendars) plug in behind it without the controller knowing.
 */
export abstract class PeopleSearch {
  abstract search(request: PeopleSearchRequest): Promise<Person[]>;
}

/** One source of results; it gets the whole request and decides whether it runs. */
export abstract class PeopleProvider {
  abstract find(request: PeopleSearchRequest): Promise<Person[]>;
}
