import { Inject, Injectable } from '@nestjs/common';
import { connect } from 'amqplib';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, unhealthy } from '@app/observability';
import { RABBITMQ_URI } from './messaging.tokens';

const MINIMUM_VERSION = [3, 8, 1];

export function isSupportedBrokerVersion(version: string): boolean {
  const parts = version.split(/[.-]/).map((part) => Number.parseInt(part, 10));
  for (let index = 0; index < MINIMUM_VERSION.length; index++) {
    const part = Number.isNaN(parts[index]) || parts[index] === undefined ? 0 : parts[index]!;
    if (part !== MINIMUM_VERSION[index]) return part > MINIMUM_VERSION[index]!;
  }
  return true;
}

/** A connection and a channel can be opened, and the broker is at least RabbitMQ 3.8.1. */
@HealthComponent()
@Injectable()
export class RabbitmqHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'RabbitMQ backend';

  constructor(@Inject(RABBITMQ_URI) private readonly uri: string) {
    super();
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const model = await connect(this.uri, { timeout: 3_000 });
    try {
      model.on('error', () => undefined);
      const channel = await model.createChannel();
      await channel.close();
      const version = String(model.connection.serverProperties.version ?? '');
      if (!isSupportedBrokerVersion(version)) return unhealthy(`RabbitMQ ${version} is older than 3.8.1`);
    } finally {
      await model.close().catch(() => undefined);
    }
  }
}
