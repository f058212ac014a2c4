import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, degraded } from '@app/observability';
import { REDIS_CLIENT } from './cache.tokens';

/** SET then GETDEL of key `healthcheck`. Redis only backs caches, so a failure degrades rather than breaks. */
@HealthComponent()
@Injectable()
export class RedisHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'Redis';
  protected override readonly failureStatus = 'degraded';

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {
    super();
  }

  override get enabled(): boolean {
    return this.redis !== null;
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const value = `ok-${Date.now()}`;
    await this.redis!.set('healthcheck', value);
    if ((await this.redis!.getdel('healthcheck')) !== value)
      return degraded('Redis did not return the value written');
  }
}
