import { Query } from '@nestjs/cqrs';

/** The DAV address-book listing of a user, as the DAV server sent it. */
export class ListUserAddressBooksQuery extends Query<string> {
  constructor(public readonly username: string) {
    super();
  }
}
