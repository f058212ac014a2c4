import { createHash } from 'node:crypto';
import { InvalidLocalDeliveryMessageError } from '../scheduling.errors';
import { stripAddress, validAddress } from '../itip/itip-address';

export const ITIP_METHODS = ['REQUEST', 'CANCEL', 'REPLY', 'COUNTER'] as const;
export type ItipMethod = (typeof ITIP_METHODS)[number];

/** A `calendar:itip:localDelivery` message (events.md §2.5), validated. */
export interface LocalDeliveryMessage {
  /** As received (a `mailto:` URI). */
  sender: string;
  method: ItipMethod;
  uid: string;
  /** ICS. */
  message: string;
  /** ICS; previous version (COUNTER: the organizer's copy). */
  oldMessage?: string;
  /** Non-string and blank entries dropped; not normalised yet. */
  recipients: string[];
  calendarId: string | null;
  /** The body as received, unknown fields included: copies and deferred messages are republished from it. */
  body: Readonly<Record<string, unknown>>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value.trim())
    throw new InvalidLocalDeliveryMessageError(`${field} is missing`);
  return value;
}

/** Parses and validates a message body; unknown fields are ignored (events.md §0). */
export function parseLocalDeliveryMessage(content: Buffer | string): LocalDeliveryMessage {
  let body: unknown;
  try {
    body = JSON.parse(typeof content === 'string' ? content : content.toString('utf8'));
  } catch (error) {
    throw new InvalidLocalDeliveryMessageError(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(body)) throw new InvalidLocalDeliveryMessageError('the body must be a JSON object');
  const sender = text(body, 'sender');
  if (!validAddress(sender))
    throw new InvalidLocalDeliveryMessageError(`sender is not an address: ${sender}`);
  const method = text(body, 'method').trim().toUpperCase() as ItipMethod;
  if (!ITIP_METHODS.includes(method)) throw new InvalidLocalDeliveryMessageError(`unknown method ${method}`);
  if (!Array.isArray(body.recipients))
    throw new InvalidLocalDeliveryMessageError('recipients must be an array');
  const { oldMessage, calendarId } = body;
  if (oldMessage !== undefined && oldMessage !== null && typeof oldMessage !== 'string')
    throw new InvalidLocalDeliveryMessageError('oldMessage must be ICS text');
  return {
    sender,
    method,
    uid: text(body, 'uid'),
    message: text(body, 'message'),
    ...(typeof oldMessage === 'string' && oldMessage.trim() ? { oldMessage } : {}),
    recipients: body.recipients.filter(
      (entry): entry is string => typeof entry === 'string' && !!entry.trim(),
    ),
    calendarId: typeof calendarId === 'string' && calendarId ? calendarId : null,
    body,
  };
}

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
