import { Command } from '@nestjs/cqrs';

/** A user or resource was removed: its calendar home's documents go (events.md §5.5). */
export class PurgeCalendarHomeCommand extends Command<void> {
  constructor(public readonly homeId: string) {
    super();
  }
}
