import { Command } from '@nestjs/cqrs';
import { LocalDeliveryMessage } from '@app/messaging';

export type DeliveryOutcome =
  /** `/itip` called when local, notifications published (possibly none). */
  | 'processed'
  /** Processed before (redelivery). */
  | 'duplicate'
  /** A skip rule of events.md §3.1 step 3 applied. */
  | 'skipped'
  /** The recipient is not a valid address. */
  | 'invalid-recipient'
  /** Republished behind the copies of a fan-out of its UID. */
  | 'deferred';

/** Deliver a single-recipient local-delivery message (events.md §3.1 steps 2–6). */
export class DeliverItipMessageCommand extends Command<DeliveryOutcome> {
  constructor(readonly message: LocalDeliveryMessage) {
    super();
  }
}
