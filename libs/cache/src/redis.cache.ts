import type { Redis } from 'ioredis';
import { Cache } from './cache';

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
}
