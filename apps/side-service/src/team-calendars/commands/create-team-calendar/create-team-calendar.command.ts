import { Command } from '@nestjs/cqrs';
import type { Domain, TeamCalendar } from '@app/persistence';

/** Stores a team calendar, then provisions and names its DAV calendar (webadmin.md §9.1). */
export class CreateTeamCalendarCommand extends Command<TeamCalendar> {
  constructor(
    public readonly domain: Domain,
    public readonly name: string,
    public readonly displayName: string,
  ) {
    super();
  }
}
