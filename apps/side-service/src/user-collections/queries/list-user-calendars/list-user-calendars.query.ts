import { Query } from '@nestjs/cqrs';

/** The DAV calendar listing of a user (default flags), as the DAV server sent it. */
export class ListUserCalendarsQuery extends Query<string> {
  constructor(public readonly username: string) {
    super();
  }
}
