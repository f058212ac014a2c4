/** A place in the order of one key: `turn` resolves once every earlier place was released. */
export interface SequencePlace {
  turn: Promise<void>;
  /** Ends this place (idempotent); later places may then proceed. */
  release(): void;
}

/**
 * Per-key FIFO within the process. `reserve` is synchronous, so places follow the order in which the broker
 * handed the messages over (the consumer reserves before its first `await`).
 */
export class UidSequencer {
  private readonly tails = new Map<string, Promise<void>>();

  reserve(key: string): SequencePlace {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return { turn: previous, release };
  }

  /** Keys with places outstanding (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
