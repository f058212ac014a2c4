import { Command } from '@nestjs/cqrs';
import { NotificationEmail } from '@app/messaging';

export type NotificationMailKind = 'invite' | 'update' | 'cancel' | 'reply' | 'counter';

export type NotificationOutcome =
  | { mail: NotificationMailKind; delivery: 'sent' | 'already-sent' | 'not-whitelisted' }
  | { mail: 'none'; reason: string };

/** Send the mail an iMIP notification asks for (events.md §3.3, mail.md §4). */
export class SendEventNotificationCommand extends Command<NotificationOutcome> {
  constructor(
    /** Identity of the message (its message id, or a digest of its body): with the recipient, the idempotency key. */
    public readonly messageKey: string,
    public readonly notification: NotificationEmail,
  ) {
    super();
  }
}
