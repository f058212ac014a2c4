import { Command } from '@nestjs/cqrs';
import type { CalendarMessage } from '@app/messaging';

export type DelegationMailOutcome =
  | { mail: 'calendar-delegate-created' | 'calendar-resource-admin-created'; delivery: string }
  | { mail: 'none'; reason: string };

/** A calendar instance was created (`calendar:calendar:created`): tell its owner when it is a delegation. */
export class SendDelegationMailCommand extends Command<DelegationMailOutcome> {
  constructor(
    public readonly messageKey: string,
    public readonly message: CalendarMessage,
  ) {
    super();
  }
}
