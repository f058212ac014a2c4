import { Command } from '@nestjs/cqrs';
import type { CalendarEventMessage } from '@app/messaging';

/** A calendar object changed (`calendar:event:*`): its calendar's subscribers get the new sync token. */
export class PushCalendarChangeCommand extends Command<void> {
  constructor(readonly message: CalendarEventMessage) {
    super();
  }
}
