import { Query } from '@nestjs/cqrs';
import type { TeamCalendar } from '@app/persistence';

/** A team calendar of the domain; `undefined` when unknown, malformed or of another domain. */
export class GetDomainTeamCalendarQuery extends Query<TeamCalendar | undefined> {
  constructor(
    public readonly domainId: string,
    public readonly id: string,
  ) {
    super();
  }
}
