import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MongooseHealthIndicator } from '@nestjs/terminus';
import { Connection } from 'mongoose';
import {
  ComponentHealth,
  HealthCheck,
  HealthComponent,
  causeOf,
  healthy,
  unhealthy,
} from '@app/observability';

/** `{ping: 1}` on the application's connection. */
@HealthComponent()
@Injectable()
export class MongoHealthCheck extends HealthCheck {
  readonly componentName = 'MongoDB';

  constructor(
    private readonly indicator: MongooseHealthIndicator,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super();
  }

  async check(): Promise<ComponentHealth> {
    try {
      const result = await this.indicator.pingCheck('mongodb', {
        connection: this.connection,
        timeout: 3_000,
      });
      const status = result['mongodb']?.status;
      return status === 'up' ? healthy() : unhealthy(String(result['mongodb']?.message ?? 'ping failed'));
    } catch (error) {
      return unhealthy(causeOf(error));
    }
  }
}
