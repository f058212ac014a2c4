import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Cache } from './cache';
import { MemoryCache } from './memory.cache';
import { RedisCache } from './redis.cache';

/** One contract, every adapter: the in-memory stand-in must behave like Redis. */
const adapters: [string, () => Promise<{ cache: Cache; close: () => Promise<void> }>][] = [
  ['MemoryCache', async () => ({ cache: new MemoryCache(1_000), close: async () => undefined })],
  [
    'RedisCache',
    async () => {
      const redis = new Redis(process.env.REDIS_URL!);
      return { cache: new RedisCache(redis), close: async () => void (await redis.quit()) };
    },
  ],
];

describe.each(adapters)('%s contract', (_name, create) => {
  let cache: Cache;
  let close: () => Promise<void>;
  const key = () => `test_cache_${randomUUID()}`;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    ({ cache, close } = await create());
  });
  afterAll(() => close());

  it('stores and reads back a hash', async () => {
    const k = key();
    expect(await cache.getHash(k)).toBeUndefined();
    await cache.setHash(k, { email: 'a@b.test', exp: '123', aud: 'x;y', sid: '' }, 10_000);
    expect(await cache.getHash(k)).toEqual({ email: 'a@b.test', exp: '123', aud: 'x;y', sid: '' });
  });

  it('merges the fields of a second write', async () => {
    const k = key();
    await cache.setHash(k, { a: '1', b: '2' }, 10_000);
    await cache.setHash(k, { b: '3' }, 10_000);
    expect(await cache.getHash(k)).toEqual({ a: '1', b: '3' });
  });

  it('appends to lists in order', async () => {
    const k = key();
    expect(await cache.getList(k)).toEqual([]);
    await cache.appendToList(k, 'one', 10_000);
    await cache.appendToList(k, 'two', 10_000);
    expect(await cache.getList(k)).toEqual(['one', 'two']);
  });

  it('counts within a window that later increments do not extend', async () => {
    const k = key();
    expect(await cache.getCounter(k)).toEqual({ count: 0, ttlMs: 0 });
    expect((await cache.increment(k, 300)).count).toBe(1);
    await wait(150);
    const second = await cache.increment(k, 300);
    expect(second.count).toBe(2);
    expect(second.ttlMs).toBeLessThanOrEqual(200);
    expect(second.ttlMs).toBeGreaterThan(0);
    expect((await cache.getCounter(k)).count).toBe(2);
    await wait(300);
    expect(await cache.getCounter(k)).toEqual({ count: 0, ttlMs: 0 });
    expect((await cache.increment(k, 300)).count).toBe(1);
  });

  it('expires entries after their time to live', async () => {
    const hash = key();
    const list = key();
    await cache.setHash(hash, { a: '1' }, 150);
    await cache.appendToList(list, 'x', 150);
    await wait(400);
    expect(await cache.getHash(hash)).toBeUndefined();
    expect(await cache.getList(list)).toEqual([]);
  });

  it('deletes several keys at once, absent ones included', async () => {
    const [a, b] = [key(), key()];
    await cache.setHash(a, { a: '1' }, 10_000);
    await cache.appendToList(b, 'x', 10_000);
    await cache.delete(a, b, key());
    expect(await cache.getHash(a)).toBeUndefined();
    expect(await cache.getList(b)).toEqual([]);
    await cache.delete();
  });
});

describe('MemoryCache bounds', () => {
  it('evicts the least recently written entries beyond its size', async () => {
    const cache = new MemoryCache(2);
    await cache.setHash('a', { v: '1' }, 10_000);
    await cache.setHash('b', { v: '2' }, 10_000);
    await cache.setHash('a', { v: '3' }, 10_000);
    await cache.setHash('c', { v: '4' }, 10_000);
    expect(await cache.getHash('b')).toBeUndefined();
    expect(await cache.getHash('a')).toEqual({ v: '3' });
    expect(await cache.getHash('c')).toEqual({ v: '4' });
  });
});
