import { randomUUID } from 'node:crypto';
import { BusEvent, BusListener, BusRegistration, EventBus } from './event-bus';
import { publishTimer } from './event-bus.metrics';
import { LocalListeners } from './local-listeners';

/** Single-node bus (no `REDIS_URL`): listeners of this process only. */
export class InProcessEventBus extends EventBus {
  readonly busId = randomUUID();
  private readonly listeners = new LocalListeners();
  private readonly publishDuration = publishTimer();

  register(key: string, listener: BusListener): Promise<BusRegistration> {
    this.listeners.add(key, listener);
    return Promise.resolve({
      unregister: () => {
        this.listeners.remove(key, listener);
        return Promise.resolve();
      },
    });
  }

  dispatch(event: BusEvent, keys: readonly string[]): Promise<void> {
    const stop = this.publishDuration.startTimer();
    for (const key of new Set(keys)) this.listeners.deliver(event, key);
    stop();
    return Promise.resolve();
  }
}
