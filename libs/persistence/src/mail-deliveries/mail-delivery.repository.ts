import { DeliveryClaim } from './mail-delivery';

/** Port over `twake_calendar_mail_deliveries`: idempotency of outgoing mails. */
export abstract class MailDeliveryRepository {
  /**
   * Claims `key`, kept until `retainUntil`; a claim of somebody else counts as in progress during `leaseMs`, then
   * is taken over unless the mail was recorded as sent.
   */
  abstract claim(key: string, now: Date, leaseMs: number, retainUntil: Date): Promise<DeliveryClaim>;
  /** `claim` for several keys with one write when none is taken (the usual case). */
  abstract claimMany(
    keys: readonly string[],
    now: Date,
    leaseMs: number,
    retainUntil: Date,
  ): Promise<Map<string, DeliveryClaim>>;
  /** Records the mails as sent (one write), remembered until `retainUntil`. */
  abstract markSent(keys: readonly string[], now: Date, retainUntil: Date): Promise<void>;
  /** Gives a claim back after a failed send, so that a later delivery of the message sends it. */
  abstract release(key: string): Promise<void>;
  /** Extends the lease of a claim still being sent (its `claimedAt` becomes `now`). */
  abstract renew(key: string, now: Date): Promise<void>;
  /** Drops expired records (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteExpired(now: Date): Promise<number>;
}
