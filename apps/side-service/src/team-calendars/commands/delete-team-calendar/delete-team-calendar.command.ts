import { Command } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';

/** Deletes the DAV calendar home, then the document; nothing to do for an unknown id (webadmin.md §9.1). */
export class DeleteTeamCalendarCommand extends Command<void> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
  ) {
    super();
  }
}
