import { Command } from '@nestjs/cqrs';
import type { CalendarMessage } from '@app/messaging';

export type DefaultVisibilityOutcome = 'made-public' | 'unchanged';

/** A calendar was created (`calendar:calendar:created`): a user's default calendar may start public. */
export class ApplyDefaultVisibilityCommand extends Command<DefaultVisibilityOutcome> {
  constructor(public readonly message: CalendarMessage) {
    super();
  }
}
