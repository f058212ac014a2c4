import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { ItipFanOutRepository } from '@app/persistence';

/** A fan-out whose copies were not all processed within this time no longer holds its UID back. */
export const FAN_OUT_TTL_MS = 10 * 60_000;
/** How often a waiting message looks again (copies processed by another node). */
const POLL_MS = 100;

/**
 * The open fan-out of each event UID (see `ItipFanOutRepository`), shared by every node through MongoDB, with
 * local wake-ups when a copy processed here closes it.
 */
@Injectable()
export class FanOutBarrier {
  private readonly settled = new EventEmitter().setMaxListeners(0);

  constructor(private readonly fanOuts: ItipFanOutRepository) {}

  /** Opens a fan-out of `uid` for these copy keys; `undefined` when another one is still open. */
  async open(uid: string, keys: string[]): Promise<string | undefined> {
    const now = new Date();
    const id = randomUUID();
    const opened = await this.fanOuts.open(uid, id, keys, now, new Date(now.getTime() + FAN_OUT_TTL_MS));
    return opened ? id : undefined;
  }

  async close(uid: string, fanOutId: string): Promise<void> {
    await this.fanOuts.close(uid, fanOutId);
    this.settled.emit(uid);
  }

  /** Whether `key` is a copy of the open fan-out of `uid`. */
  async isPending(uid: string, key: string): Promise<boolean> {
    return (await this.fanOuts.pending(uid, new Date())).includes(key);
  }

  async settle(uid: string, key: string): Promise<void> {
    await this.fanOuts.settle(uid, key);
    this.settled.emit(uid);
  }

  /** Resolves `true` once `uid` has no open fan-out, `false` after `timeoutMs`. */
  async waitUntilClear(uid: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.fanOuts.pending(uid, new Date())).length === 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.nextChance(uid, Math.min(POLL_MS, left));
    }
  }

  private nextChance(uid: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.settled.off(uid, done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.settled.on(uid, done);
    });
  }
}
