import { Command } from '@nestjs/cqrs';
import type { Domain, TeamCalendar } from '@app/persistence';

/** Renames the DAV calendar, then stores the new display name (webadmin.md §9.1 PATCH). */
export class RenameTeamCalendarCommand extends Command<TeamCalendar> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
    public readonly displayName: string,
  ) {
    super();
  }
}
