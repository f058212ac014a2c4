import { Inject, Injectable } from '@nestjs/common';
import type { DavConfig } from '@app/config';
import { ComponentHealth, HealthCheck, HealthComponent, causeOf, healthy, unhealthy } from '@app/observability';
import { DAV_CONFIG } from './dav-client.tokens';

/** Extra component (the original has none): the DAV server answers an OPTIONS request without a 5xx. */
@HealthComponent()
@Injectable()
export class DavHealthCheck extends HealthCheck {
  readonly componentName = 'DAV server';

  constructor(@Inject(DAV_CONFIG) private readonly config: DavConfig) {
    super();
  }

  async check(): Promise<ComponentHealth> {
    try {
      const response = await fetch(`${this.config.url}/`, {
        method: 'OPTIONS',
        signal: AbortSignal.timeout(Math.min(this.config.responseTimeoutMs, 3_000)),
      });
      await response.body?.cancel();
      return response.status < 500 ? healthy() : unhealthy(`DAV server answered ${response.status}`);
    } catch (error) {
      return unhealthy(causeOf(error));
    }
  }
}
