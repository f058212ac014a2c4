import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsDurationText, IsOneOfText, IsUrlListWithScheme } from '../env-validators';
import { readBoolean, readDurationMs, readList, readOptional, readString } from '../env-readers';

export const REDIS_TOPOLOGIES = ['standalone', 'cluster', 'master-replica', 'sentinel'] as const;

class RedisEnv {
  @IsOptional() @IsUrlListWithScheme('redis', 'rediss') REDIS_URL?: string;
  @IsOptional() @IsOneOfText(REDIS_TOPOLOGIES, true) REDIS_TOPOLOGY?: string;
  @IsOptional() REDIS_READ_FROM?: string;
  @IsOptional() REDIS_SENTINEL_PASSWORD?: string;
  @IsOptional() @IsBooleanText() REDIS_TLS_ENABLED?: string;
  @IsOptional() @IsBooleanText() REDIS_TLS_SKIP_VERIFY?: string;
  @IsOptional() @IsBooleanText() REDIS_EVENTBUS_FAILURE_IGNORE?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) REDIS_EVENTBUS_TIMEOUT?: string;
}

export interface RedisConfig {
  /** Absent: the in-memory cache stands in. */
  urls?: string[];
  topology: (typeof REDIS_TOPOLOGIES)[number];
  readFrom?: string;
  sentinelPassword?: string;
  tls: boolean;
  tlsSkipVerify: boolean;
  eventBusFailureIgnore: boolean;
  eventBusTimeoutMs: number;
}

export const redisConfig = defineConfig('redis', RedisEnv, (env): RedisConfig => ({
  urls: env.REDIS_URL ? readList(env, 'REDIS_URL') : undefined,
  topology: readString(env, 'REDIS_TOPOLOGY', 'standalone').toLowerCase() as RedisConfig['topology'],
  readFrom: readOptional(env, 'REDIS_READ_FROM'),
  sentinelPassword: readOptional(env, 'REDIS_SENTINEL_PASSWORD'),
  tls: readBoolean(env, 'REDIS_TLS_ENABLED', false),
  tlsSkipVerify: readBoolean(env, 'REDIS_TLS_SKIP_VERIFY', true),
  eventBusFailureIgnore: readBoolean(env, 'REDIS_EVENTBUS_FAILURE_IGNORE', false),
  eventBusTimeoutMs: readDurationMs(env, 'REDIS_EVENTBUS_TIMEOUT', 'ms', 10_000),
}));
