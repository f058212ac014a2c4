import { Query } from '@nestjs/cqrs';
import type { User } from '@app/persistence';

/** A registered user by id or by e-mail address, or `undefined`. */
export class FindUserQuery extends Query<User | undefined> {
  private constructor(
    public readonly by: 'id' | 'email',
    public readonly value: string,
  ) {
    super();
  }

  static byId(id: string): FindUserQuery {
    return new FindUserQuery('id', id);
  }

  static byEmail(email: string): FindUserQuery {
    return new FindUserQuery('email', email);
  }
}
