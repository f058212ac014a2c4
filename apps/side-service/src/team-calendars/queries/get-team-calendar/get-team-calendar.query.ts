import { Query } from '@nestjs/cqrs';
import type { Domain, TeamCalendar } from '@app/persistence';
import type { Viewer } from '../../../openpaas/viewer';

export interface VisibleTeamCalendar {
  calendar: TeamCalendar;
  domain: Domain;
}

/** A team calendar by id; `undefined` when unknown, malformed or of another domain (rest-api.md §6.3). */
export class GetTeamCalendarQuery extends Query<VisibleTeamCalendar | undefined> {
  constructor(
    public readonly viewer: Viewer,
    public readonly id: string,
  ) {
    super();
  }
}
