/**
 * Key-value cache with expiring entries: hashes (a record of strings) and append-only lists.
 * Redis when configured, otherwise an in-process stand-in with the same contract.
 */
export abstract class Cache {
  /** `undefined` when absent or expired. */
  abstract getHash(key: string): Promise<Record<string, string> | undefined>;
  /** Replaces the fields given and (re)sets the expiry of the key. */
  abstract setHash(key: string, fields: Record<string, string>, ttlMs: number): Promise<void>;
  /** Appends to the list and refreshes its expiry. */
  abstract appendToList(key: string, value: string, ttlMs: number): Promise<void>;
  /** `[]` when absent or expired. */
  abstract getList(key: string): Promise<string[]>;
  abstract delete(...keys: string[]): Promise<void>;
  /**
   * Adds one to a counter whose window starts with its first increment and lasts `windowMs` (later increments do
   * not extend it). Returns the new count and the time left in the window.
   */
  abstract increment(key: string, windowMs: number): Promise<Counter>;
  /** The counter as it stands (`{count: 0, ttlMs: 0}` when absent or expired). */
  abstract getCounter(key: string): Promise<Counter>;
}

export interface Counter {
  count: number;
  ttlMs: number;
}
