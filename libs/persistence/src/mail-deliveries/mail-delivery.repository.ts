import { DeliveryClaim } from './mail-delivery';

/** Port over `twake_calendar_mail_deliveries`: idempotency of outgoing mails. */
export abstract class MailDeliveryRepository {
  /** Claims `key` until `now + leaseMs`; an expired claim or record is taken over. */
  abstract claim(key: string, now: Date, leaseMs: number): Promise<DeliveryClaim>;
  /** `claim` for several keys with one write when none is taken (the usual case). */
  abstract claimMany(
    keys: readonly string[],
    now: Date,
    leaseMs: number,
  ): Promise<Map<string, DeliveryClaim>>;
  /** Records the mail as sent, remembered until `expiresAt`. */
  abstract markSent(key: string, now: Date, expiresAt: Date): Promise<void>;
  /** `markSent` for several keys in one write. */
  abstract markManySent(keys: readonly string[], now: Date, expiresAt: Date): Promise<void>;
  /** Gives a claim back after a failed send, so that a later delivery of the message sends it. */
  abstract release(key: string): Promise<void>;
  /** Drops expired records (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteExpired(now: Date): Promise<number>;
}
