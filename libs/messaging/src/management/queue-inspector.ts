import { Injectable } from '@nestjs/common';
import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import type { ChannelModel } from 'amqplib';

export interface QueueState {
  name: string;
  consumers: number;
  /** Messages ready for delivery. */
  messages: number;
}

/**
 * Reads queue states with a passive declaration on a short-lived channel: the broker answers with the live
 * consumer and message counts (the management API's figures are sampled every few seconds).
 */
@Injectable()
export class QueueInspector {
  constructor(private readonly amqp: AmqpConnection) {}

  /** The queue's state; `undefined` when it does not exist. */
  async state(name: string): Promise<QueueState | undefined> {
    // amqp-connection-manager hands out the promise API's ChannelModel, typed as the bare Connection here.
    const channel = await (this.amqp.connection as unknown as ChannelModel).createChannel();
    channel.on('error', () => undefined);
    try {
      const { consumerCount, messageCount } = await channel.checkQueue(name);
      return { name, consumers: consumerCount, messages: messageCount };
    } catch (error) {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}
