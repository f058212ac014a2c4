import { Command } from '@nestjs/cqrs';
import type { ResourceEventMessage } from '@app/messaging';

export type ModerationRequestOutcome =
  | { outcome: 'auto-accepted' | 'already-accepted' }
  | { outcome: 'requested'; mails: number }
  | { outcome: 'ignored'; reason: string };

/** A booking landed on a resource calendar (`resource:calendar:event:created`, events.md §3.4). */
export class RequestModerationCommand extends Command<ModerationRequestOutcome> {
  constructor(
    /** Identifies the message: one mail per message and administrator, whatever the redeliveries. */
    public readonly messageKey: string,
    public readonly message: ResourceEventMessage,
  ) {
    super();
  }
}
