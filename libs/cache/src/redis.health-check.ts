import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  ComponentHealth,
  HealthCheck,
  HealthComponent,
  causeOf,
  degraded,
  healthy,
} from '@app/observability';
import { REDIS_CLIENT } from './cache.tokens';

/** SET then GETDEL of key `healthcheck`. Redis only backs caches, so a failure degrades rather than breaks. */
@HealthComponent()
@Injectable()
export class RedisHealthCheck extends HealthCheck {
  readonly componentName = 'Redis';

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {
    super();
  }

  override get enabled(): boolean {
    return this.redis !== null;
  }

  async check(): Promise<ComponentHealth> {
    if (!this.redis) return degraded('Redis is not configured');
    try {
      const value = `ok-${Date.now()}`;
      await this.redis.set('healthcheck', value);
      const read = await this.redis.getdel('healthcheck');
      return read === value ? healthy() : degraded('Redis did not return the value written');
    } catch (error) {
      return degraded(causeOf(error));
    }
  }
}
