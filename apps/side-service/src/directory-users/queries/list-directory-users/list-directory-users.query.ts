import { Query } from '@nestjs/cqrs';

/** Usernames of the authentication directory, optionally of one domain. */
export class ListDirectoryUsersQuery extends Query<string[]> {
  constructor(public readonly domain?: string) {
    super();
  }
}
