/**
 * Port over `twake_calendar_itip_fan_outs`: at most one open fan-out per event UID, with the keys of its copies
 * still to be processed. Later messages of that UID wait until it closes, so that they reach each recipient after
 * the copies (events.md §3.1 step 1 republishes the copies behind them in the queue).
 */
export abstract class ItipFanOutRepository {
  /** Opens the fan-out `fanOutId` of `uid`; `false` while another open one has pending copies (and has not expired). */
  abstract open(uid: string, fanOutId: string, keys: string[], now: Date, expiresAt: Date): Promise<boolean>;
  /** Keys of the copies still pending in the open fan-out of `uid` (none when closed or expired). */
  abstract pending(uid: string, now: Date): Promise<string[]>;
  /** A copy was processed (or dead-lettered); the fan-out closes with its last copy. */
  abstract settle(uid: string, key: string): Promise<void>;
  /** Closes the fan-out at once (its copies could not all be published). */
  abstract close(uid: string, fanOutId: string): Promise<void>;
  /** Drops expired fan-outs (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteExpired(now: Date): Promise<number>;
}
