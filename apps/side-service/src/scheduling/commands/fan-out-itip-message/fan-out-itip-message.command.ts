import { Command } from '@nestjs/cqrs';
import { LocalDeliveryMessage } from '@app/messaging';

export type FanOutOutcome = 'fanned-out' | 'deferred';

/** Republish a multi-recipient local-delivery message as one copy per recipient (events.md §3.1 step 1). */
export class FanOutItipMessageCommand extends Command<FanOutOutcome> {
  constructor(readonly message: LocalDeliveryMessage) {
    super();
  }
}
