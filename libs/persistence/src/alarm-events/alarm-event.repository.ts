import { AlarmEvent, StoredAlarmEvent } from './alarm-event';

/** Port over `twake_calendar_alarm_events` (storage.md §8). */
export abstract class AlarmEventRepository {
  /** Replaces the entry of (eventUid, recipient), creating it when absent. */
  abstract upsert(entry: AlarmEvent): Promise<void>;
  /** Creates the entry unless one exists for (eventUid, recipient); tells whether it was created. */
  abstract insertIfAbsent(entry: AlarmEvent): Promise<boolean>;
  abstract find(eventUid: string, recipient: string): Promise<StoredAlarmEvent | undefined>;
  /** Every entry of the event UID written for that DAV path. */
  abstract findByEvent(eventUid: string, eventPath: string): Promise<StoredAlarmEvent[]>;
  /** Deletes every entry of the event UID written for that DAV path, any recipient. */
  abstract deleteByEvent(eventUid: string, eventPath: string): Promise<number>;
  abstract delete(eventUid: string, recipient: string): Promise<void>;
  /** At most `limit` entries with `alarmTime <= now`, the earliest first (the `alarmTime` index). */
  abstract findDue(now: Date, limit: number): Promise<StoredAlarmEvent[]>;
  /**
   * Moves the entry `id` on to its next alarm, unless it changed since it was read (`previous.alarmTime`): a newer
   * version written meanwhile by a message wins. Tells whether it was replaced.
   */
  abstract advance(id: string, previousAlarmTime: Date, next: AlarmEvent): Promise<boolean>;
  /** Deletes the entry `id` unless it changed since it was read. */
  abstract deleteIfUnchanged(id: string, previousAlarmTime: Date): Promise<boolean>;
  /** `deleteIfUnchanged` for several entries in one write; resolves to the number deleted. */
  abstract deleteManyIfUnchanged(entries: readonly { id: string; alarmTime: Date }[]): Promise<number>;
}

/** Port over `twake_calendar_alarm_events_ledge` (storage.md §9): one node at a time per alarm in cluster mode. */
export abstract class AlarmLeaseRepository {
  /** Inserts the lease; `false` when another node holds it (duplicate key). The recipient is lower-cased. */
  abstract acquire(
    eventUid: string,
    recipient: string,
    alarmTime: Date,
    now: Date,
    ttlMs: number,
  ): Promise<boolean>;
  /** `acquire` for several alarms in one write: for each, whether this node got its lease. */
  abstract acquireMany(
    alarms: readonly { eventUid: string; recipient: string; alarmTime: Date }[],
    now: Date,
    ttlMs: number,
  ): Promise<boolean[]>;
  /** Gives the lease back (only after a failure, so that a later tick retries). */
  abstract release(eventUid: string, recipient: string, alarmTime: Date): Promise<void>;
  /** Drops expired leases (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteExpired(now: Date): Promise<number>;
}
