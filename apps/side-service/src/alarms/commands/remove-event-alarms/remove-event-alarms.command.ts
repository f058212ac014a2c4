import { Command } from '@nestjs/cqrs';
import type { CalendarEventMessage } from '@app/messaging';

/** `calendar:event:alarm:{deleted,cancel}` (events.md §4.1): removes the event's pending alarms; resolves to their count. */
export class RemoveEventAlarmsCommand extends Command<number> {
  constructor(public readonly message: CalendarEventMessage) {
    super();
  }
}
