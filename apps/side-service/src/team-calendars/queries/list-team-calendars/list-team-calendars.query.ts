import { Query } from '@nestjs/cqrs';
import type { TeamCalendar } from '@app/persistence';

/** The team calendars of a domain (by id). */
export class ListTeamCalendarsQuery extends Query<TeamCalendar[]> {
  constructor(public readonly domainId: string) {
    super();
  }
}
