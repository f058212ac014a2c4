import { Inject, Injectable } from '@nestjs/common';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, unhealthy } from '@app/observability';
import { OPENSEARCH_CLIENT, OpensearchClientRef } from './search.tokens';

/** Cluster health: green or yellow is healthy, red or no answer is not. */
@HealthComponent()
@Injectable()
export class OpensearchHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'OpenSearch Backend';

  constructor(@Inject(OPENSEARCH_CLIENT) private readonly ref: OpensearchClientRef) {
    super();
  }

  override get enabled(): boolean {
    return this.ref.client !== null;
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const { body } = await this.ref.client!.cluster.health(
      { timeout: '3s' },
      { requestTimeout: 3_000, maxRetries: 0 },
    );
    const status = String(body.status);
    if (status !== 'green' && status !== 'yellow') return unhealthy(`cluster status is ${status}`);
  }
}
