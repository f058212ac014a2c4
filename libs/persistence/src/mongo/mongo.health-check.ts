import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MongooseHealthIndicator } from '@nestjs/terminus';
import { Connection } from 'mongoose';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, unhealthy } from '@app/observability';

/** `{ping: 1}` on the application's connection. */
@HealthComponent()
@Injectable()
export class MongoHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'MongoDB';

  constructor(
    private readonly indicator: MongooseHealthIndicator,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super();
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const result = await this.indicator.pingCheck('mongodb', { connection: this.connection, timeout: 3_000 });
    if (result['mongodb']?.status !== 'up')
      return unhealthy(String(result['mongodb']?.message ?? 'ping failed'));
  }
}
