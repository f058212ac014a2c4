import { validAddress } from '@app/ical';
import {
  InvalidMessageError,
  JsonObject,
  MessageContract,
  defineContract,
  requiredString,
} from './message-contract';

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
  body: Readonly<JsonObject>;
}

export const ITIP_LOCAL_DELIVERY_CONTRACT: MessageContract<LocalDeliveryMessage> = defineContract(
  'calendar:itip:localDelivery',
  (body) => {
    const sender = requiredString(body, 'sender');
    if (!validAddress(sender)) throw new InvalidMessageError(`sender is not an address: ${sender}`);
    const method = requiredString(body, 'method').trim().toUpperCase() as ItipMethod;
    if (!ITIP_METHODS.includes(method)) throw new InvalidMessageError(`method is unknown: ${method}`);
    if (!Array.isArray(body.recipients)) throw new InvalidMessageError('recipients must be an array');
    const { oldMessage, calendarId } = body;
    if (oldMessage !== undefined && oldMessage !== null && typeof oldMessage !== 'string')
      throw new InvalidMessageError('oldMessage must be ICS text');
    return {
      sender,
      method,
      uid: requiredString(body, 'uid'),
      message: requiredString(body, 'message'),
      ...(typeof oldMessage === 'string' && oldMessage.trim() ? { oldMessage } : {}),
      recipients: body.recipients.filter(
        (entry): entry is string => typeof entry === 'string' && !!entry.trim(),
      ),
      calendarId: typeof calendarId === 'string' && calendarId ? calendarId : null,
      body,
    };
  },
);

/** Parses and validates a message body; unknown fields are ignored (events.md §0). */
export const parseLocalDeliveryMessage = (content: Buffer | string): LocalDeliveryMessage =>
  ITIP_LOCAL_DELIVERY_CONTRACT.parse(content);
