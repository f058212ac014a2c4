import { createHash } from 'node:crypto';
import { stripAddress } from '@app/ical';
import { LocalDeliveryMessage } from '@app/messaging';

/** The copy of a multi-recipient message for one of its recipients: the payload unchanged but `recipients`. */
export function copyFor(message: LocalDeliveryMessage, recipient: string): Record<string, unknown> {
  return { ...message.body, recipients: [recipient] };
}

/**
 * Identity of a single-recipient message (idempotency and fan-out keys): a digest of what the processing reads,
 * the recipient normalised and compared case-insensitively.
 */
export function deliveryKey(message: LocalDeliveryMessage, recipient: string): string {
  const identity = JSON.stringify([
    message.sender,
    message.method,
    message.uid,
    message.message,
    message.oldMessage ?? null,
    message.calendarId,
    stripAddress(recipient).toLowerCase(),
  ]);
  return `itip:${createHash('sha256').update(identity).digest('hex')}`;
}
