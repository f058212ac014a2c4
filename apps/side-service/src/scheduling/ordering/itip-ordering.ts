import { Inject, Injectable } from '@nestjs/common';
import { FanOutBarrier } from './fan-out-barrier';
import { UidSequencer } from './uid-sequencer';

export const ORDERING_WAIT_MS = Symbol('ORDERING_WAIT_MS');

/** The message must go back behind the others of its UID (republished as received): its turn did not come. */
export const DEFERRED = Symbol('DEFERRED');
export type Deferred = typeof DEFERRED;

/**
 * Order of the messages of one event UID (events.md §3.1), so that a REQUEST followed by its CANCEL never reaches a
 * recipient reversed:
 *
 * - within the node, messages of a UID run one at a time in the order the broker handed them over;
 * - a fan-out republishes its copies behind the messages already queued: until its copies are processed (on any
 *   node), later messages of that UID wait, and the copies themselves skip the queue of their UID.
 *
 * A message that waited `ORDERING_WAIT_MS` for a fan-out is deferred instead of holding its prefetch slot.
 */
@Injectable()
export class ItipOrdering {
  private readonly sequencer = new UidSequencer();

  constructor(
    private readonly barrier: FanOutBarrier,
    @Inject(ORDERING_WAIT_MS) private readonly waitMs: number,
  ) {}

  /** Runs the work of the single-recipient message `key` of `uid` in its turn. Call before any `await`. */
  async single<T>(uid: string, key: string, work: () => Promise<T>): Promise<T | Deferred> {
    const place = this.sequencer.reserve(uid);
    try {
      if (await this.barrier.isPending(uid, key)) {
        place.release();
        try {
          return await work();
        } finally {
          await this.barrier.settle(uid, key);
        }
      }
      return await this.inTurn(place.turn, uid, work);
    } finally {
      place.release();
    }
  }

  /** Runs the work of a fan-out of `uid` in its turn (it opens its own barrier). Call before any `await`. */
  async fanOut<T>(uid: string, work: () => Promise<T>): Promise<T | Deferred> {
    const place = this.sequencer.reserve(uid);
    try {
      return await this.inTurn(place.turn, uid, work);
    } finally {
      place.release();
    }
  }

  private async inTurn<T>(turn: Promise<void>, uid: string, work: () => Promise<T>): Promise<T | Deferred> {
    await turn;
    if (!(await this.barrier.waitUntilClear(uid, this.waitMs))) return DEFERRED;
    return work();
  }
}
