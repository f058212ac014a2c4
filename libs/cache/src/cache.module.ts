import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { AllConfig, RedisConfig } from '@app/config';
import { Cache } from './cache';
import { REDIS_CLIENT } from './cache.tokens';
import { MemoryCache } from './memory.cache';
import { RedisCache } from './redis.cache';
import { RedisHealthCheck } from './redis.health-check';

/** Cap of the in-memory stand-in when OIDC_TOKEN_CACHE_MAX_SIZE is not set. */
const MEMORY_ENTRIES = 10_000;

export function createRedisClient(config: RedisConfig): Redis | null {
  const url = config.urls?.[0];
  if (!url) return null;
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 3_000,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    tls: config.tls ? { rejectUnauthorized: !config.tlsSkipVerify } : undefined,
  });
  redis.on('error', () => undefined); // surfaced by the health check and by the failing calls themselves
  return redis;
}

class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}
  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

/** The Redis adapter when `REDIS_URL` is set, the in-memory one otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) =>
        createRedisClient(config.get('redis', { infer: true })),
    },
    {
      provide: Cache,
      inject: [REDIS_CLIENT, ConfigService],
      // The in-memory cache mostly holds OIDC validations, each with an index entry: twice the configured size.
      useFactory: (redis: Redis | null, config: ConfigService<AllConfig, true>) =>
        redis
          ? new RedisCache(redis)
          : new MemoryCache(2 * (config.get('auth', { infer: true }).oidc?.cacheMaxSize ?? MEMORY_ENTRIES)),
    },
    RedisHealthCheck,
    RedisShutdown,
  ],
  exports: [Cache],
})
export class CacheModule {}
