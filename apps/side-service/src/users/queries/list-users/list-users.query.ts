import { Query } from '@nestjs/cqrs';
import type { User } from '@app/persistence';

/** All registered users, or those of one domain (by id). */
export class ListUsersQuery extends Query<User[]> {
  constructor(public readonly domainId?: string) {
    super();
  }
}
