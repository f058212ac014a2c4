import { Query } from '@nestjs/cqrs';
import type { TeamCalendarMember } from '@app/dav-client';
import type { Domain } from '@app/persistence';

/** The members of a team calendar, read from its DAV sharing entries (webadmin.md §9.2). */
export class ListTeamCalendarMembersQuery extends Query<TeamCalendarMember[]> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
  ) {
    super();
  }
}
