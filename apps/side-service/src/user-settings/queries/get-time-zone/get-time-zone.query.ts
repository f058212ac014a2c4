import { Query } from '@nestjs/cqrs';
import type { User } from '@app/persistence';

/** The user's time zone: stored `core.datetime.timeZone`, else the default, `UTC` when unreadable. */
export class GetTimeZoneQuery extends Query<string> {
  constructor(public readonly user: User) {
    super();
  }
}
