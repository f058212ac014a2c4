import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import type { ChannelModel } from 'amqplib';
import { TopologyDeclarer } from './topology-declarer';

/**
 * The topology is declared before the consumers start (see MessagingModule). After a reconnection to a broker
 * that lost its definitions, it is declared again; durable definitions normally survive a broker restart.
 */
@Injectable()
export class TopologyMaintainer implements OnApplicationBootstrap {
  private readonly logger = new Logger(TopologyMaintainer.name);
  private connections = 0;

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
  ) {}

  onApplicationBootstrap(): void {
    this.amqp.managedConnection.on('connect', ({ connection }: { connection: ChannelModel }) => {
      if (this.connections++ === 0 && this.amqp.connected) return;
      this.declarer
        .declare(connection)
        .catch((error: Error) => this.logger.error(`topology not declared again: ${error.message}`));
    });
    if (this.amqp.connected) this.connections = 1;
  }
}
