import { ItipDeliveryClaim } from './itip-delivery';

/**
 * Port over `twake_calendar_itip_deliveries`: idempotency of the scheduling bridge, one record per message and
 * recipient, so that a redelivered message makes neither a second `/itip` call nor a second notification.
 */
export abstract class ItipDeliveryRepository {
  /** Claims `key` until `now + leaseMs`; an expired or released claim is taken over. Records live `retentionMs`. */
  abstract claim(key: string, now: Date, leaseMs: number, retentionMs: number): Promise<ItipDeliveryClaim>;
  /** Remembers that the `/itip` call was made (a later attempt skips it). */
  abstract markItipDelivered(key: string): Promise<void>;
  /** Records the message as processed, remembered until `expiresAt`. */
  abstract complete(key: string, expiresAt: Date): Promise<void>;
  /** Gives the claim back after a failure (the `/itip` mark is kept). */
  abstract release(key: string, now: Date): Promise<void>;
  /** Drops expired records (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteExpired(now: Date): Promise<number>;
}
