import { Command } from '@nestjs/cqrs';
import type { ResourceEventMessage } from '@app/messaging';

export type DecisionNotificationOutcome =
  { outcome: 'sent' | 'already-sent' } | { outcome: 'ignored'; reason: string };

/** The resource answered (`resource:calendar:event:accepted|declined`, events.md §3.4). */
export class NotifyDecisionCommand extends Command<DecisionNotificationOutcome> {
  constructor(
    public readonly messageKey: string,
    public readonly approved: boolean,
    public readonly message: ResourceEventMessage,
  ) {
    super();
  }
}
