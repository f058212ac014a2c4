import type { Redis } from 'ioredis';
import { Cache, Counter } from './cache';

export class RedisCache extends Cache {
  constructor(private readonly redis: Redis) {
    super();
  }

  async getHash(key: string): Promise<Record<string, string> | undefined> {
    const fields = await this.redis.hgetall(key);
    return Object.keys(fields).length === 0 ? undefined : fields;
  }

  async setHash(key: string, fields: Record<string, string>, ttlMs: number): Promise<void> {
    await this.redis.multi().hset(key, fields).pexpire(key, ttlMs).exec();
  }

  async appendToList(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.multi().rpush(key, value).pexpire(key, ttlMs).exec();
  }

  async getList(key: string): Promise<string[]> {
    return this.redis.lrange(key, 0, -1);
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys);
  }

  async increment(key: string, windowMs: number): Promise<Counter> {
    // The window is set by the first increment only (SET NX), so that steady failures cannot extend it forever.
    const results = await this.redis.multi().set(key, '0', 'PX', windowMs, 'NX').incr(key).pttl(key).exec();
    const count = Number(results?.[1]?.[1] ?? 0);
    const ttlMs = Number(results?.[2]?.[1] ?? windowMs);
    return { count, ttlMs: ttlMs > 0 ? ttlMs : windowMs };
  }

  async getCounter(key: string): Promise<Counter> {
    const results = await this.redis.multi().get(key).pttl(key).exec();
    const value = results?.[0]?.[1];
    const ttlMs = Number(results?.[1]?.[1] ?? 0);
    return typeof value === 'string' && ttlMs > 0 ? { count: Number(value), ttlMs } : { count: 0, ttlMs: 0 };
  }
}
