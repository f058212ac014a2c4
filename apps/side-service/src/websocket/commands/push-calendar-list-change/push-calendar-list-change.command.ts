import { Command } from '@nestjs/cqrs';
import type { CalendarMessage } from '@app/messaging';

/**
 * A calendar or subscription was created, updated or deleted (`calendar:calendar:*`, `calendar:subscription:*`):
 * its owner's sessions get the calendar-list change.
 */
export class PushCalendarListChangeCommand extends Command<void> {
  constructor(
    /** The exchange the message came from, e.g. `calendar:subscription:created`. */
    readonly exchange: string,
    readonly message: Pick<CalendarMessage, 'calendarPath' | 'calendarProps'>,
  ) {
    super();
  }
}
