import { Inject, Injectable } from '@nestjs/common';
import { Agent, request } from 'undici';
import type { DavConfig } from '@app/config';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, unhealthy } from '@app/observability';
import { DAV_CONFIG, DAV_HTTP_AGENT } from './dav-client.tokens';

/** Extra component (the original has none): the DAV server answers an OPTIONS request without a 5xx. */
@HealthComponent()
@Injectable()
export class DavHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'DAV server';

  constructor(
    @Inject(DAV_CONFIG) private readonly config: DavConfig,
    @Inject(DAV_HTTP_AGENT) private readonly agent: Agent,
  ) {
    super();
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const response = await request(`${this.config.url}/`, {
      method: 'OPTIONS',
      dispatcher: this.agent,
      signal: AbortSignal.timeout(Math.min(this.config.responseTimeoutMs, 3_000)),
    });
    await response.body.dump();
    if (response.statusCode >= 500) return unhealthy(`DAV server answered ${response.statusCode}`);
  }
}
