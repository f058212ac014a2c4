import { randomUUID } from 'node:crypto';

/**
 * What travels on the bus (storage.md §17.2): a JSON object with a `type` discriminator and a unique `eventId`,
 * plus the fields of its type. Listeners receive it as published, whichever node it was dispatched on.
 */
export interface BusEvent {
  readonly type: string;
  readonly eventId: string;
}

/** Called synchronously for each event of a key the listener registered; it must not throw. */
export type BusListener = (event: BusEvent, key: string) => void;

export interface BusRegistration {
  /** Stops the listener; the node leaves the key's set when it was the key's last local listener. */
  unregister(): Promise<void>;
}

/**
 * The internal event bus behind WebSocket push (events.md §7): key-based delivery to listeners, on this node and —
 * with the Redis adapter — on every node that has a listener for the key. No consumer groups: every listener of a
 * key gets every event of that key.
 */
export abstract class EventBus {
  /** Random id of this node on the bus. */
  abstract readonly busId: string;

  /**
   * Adds a listener for `key`. Resolves once events dispatched on any node reach it; rejects (listener not added)
   * when the node cannot announce itself and bus failures are not ignored.
   */
  abstract register(key: string, listener: BusListener): Promise<BusRegistration>;

  /**
   * Delivers `event` to the local listeners of each key, then to the other nodes listening to them. Rejects when
   * the other nodes could not be reached and bus failures are not ignored (local delivery has happened).
   */
  abstract dispatch(event: BusEvent, keys: readonly string[]): Promise<void>;
}

/** The bus could not reach the other nodes (Redis down or too slow). */
export class EventBusUnavailableError extends Error {
  constructor(reason: string) {
    super(`event bus unavailable: ${reason}`);
    this.name = EventBusUnavailableError.name;
  }
}

export const newEventId = (): string => randomUUID();

/** Registration keys (storage.md §17.2). */
export const BusKeys = {
  calendar: (homeId: string, calendarId: string) => `calendar:${homeId}:${calendarId}`,
  addressBook: (homeId: string, addressBookId: string) => `addressbook:${homeId}:${addressBookId}`,
  username: (email: string) => `username:${email.toLowerCase()}`,
};
