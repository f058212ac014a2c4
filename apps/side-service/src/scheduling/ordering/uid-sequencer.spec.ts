import { UidSequencer } from './uid-sequencer';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('UidSequencer', () => {
  it('gives places of one key their turn in reservation order, other keys at once', async () => {
    const sequencer = new UidSequencer();
    const seen: string[] = [];
    const first = sequencer.reserve('a');
    const second = sequencer.reserve('a');
    const other = sequencer.reserve('b');
    void second.turn.then(() => seen.push('a2'));
    void other.turn.then(() => seen.push('b1'));
    await first.turn;
    await tick();
    expect(seen).toEqual(['b1']);
    first.release();
    await tick();
    expect(seen).toEqual(['b1', 'a2']);
    second.release();
    other.release();
    await tick();
    expect(sequencer.size).toBe(0);
  });

  it('lets a place released early (before its turn) not hold later ones', async () => {
    const sequencer = new UidSequencer();
    const first = sequencer.reserve('a');
    const skipped = sequencer.reserve('a');
    const third = sequencer.reserve('a');
    skipped.release();
    let ran = false;
    void third.turn.then(() => (ran = true));
    await tick();
    expect(ran).toBe(false);
    first.release();
    await tick();
    expect(ran).toBe(true);
  });
});
