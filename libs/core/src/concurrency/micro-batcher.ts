export interface MicroBatcherOptions {
  /** Items per batch at the most. */
  maxItems: number;
  /** Batches written at the same time at the most; the others wait in the queue. */
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (error: Error) => void;
}

/**
 * Groups the items submitted during one turn of the event loop (the writes of messages processed side by side)
 * into batches, written with at most `maxInFlight` batches at a time. `write` answers one outcome per item, in
 * order (an `Error` rejects that item only), or throws to reject the whole batch.
 */
export class MicroBatcher<I, O> {
  private pending: Pending<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly write: (batch: I[]) => Promise<(O | Error)[]>,
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    });
  }

  private flush(): void {
    while (this.pending.length && this.inFlight < this.options.maxInFlight) {
      const batch = this.pending.splice(0, this.options.maxItems);
      this.inFlight++;
      void this.settle(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async settle(batch: Pending<I, O>[]): Promise<void> {
    let outcomes: (O | Error)[];
    try {
      outcomes = await this.write(batch.map(({ item }) => item));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      batch.forEach(({ reject }) => reject(failure));
      return;
    }
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = index < outcomes.length ? outcomes[index]! : new Error('the batch answered no outcome');
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    });
  }
}
