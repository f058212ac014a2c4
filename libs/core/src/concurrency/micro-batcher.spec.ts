import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('groups the items of one turn into batches of at most maxItems, one outcome per item', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, string>(
      async (batch) => {
        batches.push(batch);
        return batch.map((item) => (item === 3 ? new Error('three refused') : `ok ${item}`));
      },
      { maxItems: 2, maxInFlight: 4 },
    );
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(
      outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : outcome.reason.message)),
    ).toEqual(['ok 1', 'ok 2', 'three refused', 'ok 4', 'ok 5']);
  });

  it('keeps at most maxInFlight batches running; the next starts when one ends', async () => {
    let running = 0;
    let highest = 0;
    const batcher = new MicroBatcher<number, number>(
      async (batch) => {
        highest = Math.max(highest, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return batch;
      },
      { maxItems: 1, maxInFlight: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)))).toEqual([1, 2, 3, 4, 5]);
    expect(highest).toBe(2);
  });

  it('rejects every item of a batch whose write throws, and the items of later turns are batched anew', async () => {
    let fail = true;
    const batcher = new MicroBatcher<string, string>(
      async (batch) => {
        if (fail) throw new Error('store down');
        return batch;
      },
      { maxItems: 10, maxInFlight: 1 },
    );
    const failed = await Promise.allSettled(['a', 'b'].map((item) => batcher.submit(item)));
    expect(failed.map((outcome) => outcome.status === 'rejected' && outcome.reason.message)).toEqual([
      'store down',
      'store down',
    ]);
    fail = false;
    await expect(batcher.submit('c')).resolves.toBe('c');
  });

  it('rejects the items a write left without an outcome', async () => {
    const batcher = new MicroBatcher<number, number>(async (batch) => batch.slice(0, 1), {
      maxItems: 10,
      maxInFlight: 1,
    });
    const [first, second] = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(first).toEqual({ status: 'fulfilled', value: 1 });
    expect(second).toMatchObject({ status: 'rejected', reason: new Error('the batch answered no outcome') });
  });
});
