import { Command } from '@nestjs/cqrs';
import type { CalendarShareUpdate } from '@app/dav-client';
import type { Domain } from '@app/persistence';

/** Grants, changes and revokes members of a team calendar through DAV sharing (webadmin.md §9.2). */
export class UpdateTeamCalendarMembersCommand extends Command<void> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
    public readonly update: CalendarShareUpdate,
  ) {
    super();
  }
}
