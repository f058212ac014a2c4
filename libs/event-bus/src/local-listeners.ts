import { Logger } from '@nestjs/common';
import type { BusEvent, BusListener } from './event-bus';

/** The listeners of this node, per key. */
export class LocalListeners {
  private readonly logger = new Logger('EventBus');
  private readonly byKey = new Map<string, Set<BusListener>>();

  /** Adds the listener; `true` when it is the key's first one on this node. */
  add(key: string, listener: BusListener): boolean {
    let listeners = this.byKey.get(key);
    const first = !listeners;
    if (!listeners) this.byKey.set(key, (listeners = new Set()));
    listeners.add(listener);
    return first;
  }

  /** Removes the listener; `true` when the key has no listener left on this node. */
  remove(key: string, listener: BusListener): boolean {
    const listeners = this.byKey.get(key);
    if (!listeners?.delete(listener)) return false;
    if (listeners.size > 0) return false;
    this.byKey.delete(key);
    return true;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  deliver(event: BusEvent, key: string): void {
    const listeners = this.byKey.get(key);
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener(event, key);
      } catch (error) {
        this.logger.error(`listener of ${key} failed on ${event.type}: ${(error as Error).message}`);
      }
    }
  }
}
