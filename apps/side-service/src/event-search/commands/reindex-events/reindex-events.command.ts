import { Command } from '@nestjs/cqrs';

/** Starts the `reindex-calendar-events` task (webadmin.md §7.1, events.md §5.8); resolves to its id. */
export class ReindexEventsCommand extends Command<string> {
  constructor(
    public readonly eventsPerSecond: number,
    public readonly calendarsConcurrency: number,
  ) {
    super();
  }
}
