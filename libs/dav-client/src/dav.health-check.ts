import { Inject, Injectable } from '@nestjs/common';
import { Agent, request } from 'undici';
import type { DavConfig } from '@app/config';
import {
  ComponentHealth,
  HealthCheck,
  HealthComponent,
  causeOf,
  healthy,
  unhealthy,
} from '@app/observability';
import { DAV_CONFIG, DAV_HTTP_AGENT } from './dav-client.tokens';

/** Extra component (the original has none): the DAV server answers an OPTIONS request without a 5xx. */
@HealthComponent()
@Injectable()
export class DavHealthCheck extends HealthCheck {
  readonly componentName = 'DAV server';

  constructor(
    @Inject(DAV_CONFIG) private readonly config: DavConfig,
    @Inject(DAV_HTTP_AGENT) private readonly agent: Agent,
  ) {
    super();
  }

  async check(): Promise<ComponentHealth> {
    try {
      const response = await request(`${this.config.url}/`, {
        method: 'OPTIONS',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(Math.min(this.config.responseTimeoutMs, 3_000)),
      });
      await response.body.dump();
      return response.statusCode < 500 ? healthy() : unhealthy(`DAV server answered ${response.statusCode}`);
    } catch (error) {
      return unhealthy(causeOf(error));
    }
  }
}
