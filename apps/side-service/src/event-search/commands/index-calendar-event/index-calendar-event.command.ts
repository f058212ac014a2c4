import { Command } from '@nestjs/cqrs';
import type { CalendarEventMessage } from '@app/messaging';

/** `calendar:event:{created,updated}` (events.md §5.4, §5.5): index every VEVENT of the message. */
export class IndexCalendarEventCommand extends Command<void> {
  constructor(public readonly message: CalendarEventMessage) {
    super();
  }
}
