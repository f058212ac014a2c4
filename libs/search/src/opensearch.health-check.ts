import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@opensearch-project/opensearch';
import {
  ComponentHealth,
  HealthCheck,
  HealthComponent,
  causeOf,
  healthy,
  unhealthy,
} from '@app/observability';
import { OPENSEARCH_CLIENT } from './search.tokens';

/** Cluster health: green or yellow is healthy, red or no answer is not. */
@HealthComponent()
@Injectable()
export class OpensearchHealthCheck extends HealthCheck {
  readonly componentName = 'OpenSearch Backend';

  constructor(@Inject(OPENSEARCH_CLIENT) private readonly client: Client | null) {
    super();
  }

  override get enabled(): boolean {
    return this.client !== null;
  }

  async check(): Promise<ComponentHealth> {
    if (!this.client) return unhealthy('OpenSearch is not configured');
    try {
      const { body } = await this.client.cluster.health(
        { timeout: '3s' },
        { requestTimeout: 3_000, maxRetries: 0 },
      );
      const status = String(body.status);
      return status === 'green' || status === 'yellow' ? healthy() : unhealthy(`cluster status is ${status}`);
    } catch (error) {
      return unhealthy(causeOf(error));
    }
  }
}
