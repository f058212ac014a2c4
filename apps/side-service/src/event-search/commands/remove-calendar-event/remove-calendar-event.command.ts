import { Command } from '@nestjs/cqrs';
import type { CalendarEventMessage } from '@app/messaging';

/** `calendar:event:deleted` (events.md §5.5): drop every document of the message's UIDs in its calendar. */
export class RemoveCalendarEventCommand extends Command<void> {
  constructor(public readonly message: CalendarEventMessage) {
    super();
  }
}
