import { Command } from '@nestjs/cqrs';
import type { ArchiveCriteriaInput } from './archive-criteria';

/**
 * Starts the `calendar-archival` task (webadmin.md §7.3) for every user, or for `username` only; resolves to its id.
 * An unknown `username` is a `NotFoundError` (`User does not exist`).
 */
export class ArchiveEventsCommand extends Command<string> {
  constructor(
    public readonly criteria: ArchiveCriteriaInput,
    public readonly eventsPerSecond: number,
    public readonly username?: string,
  ) {
    super();
  }
}
