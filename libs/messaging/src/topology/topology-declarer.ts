import { Logger } from '@nestjs/common';
import { Channel, ChannelModel, connect } from 'amqplib';
import { QueueArguments } from './queue-arguments';
import { QueueDefinition } from './calendar-topology';

const PRECONDITION_FAILED = 406;

function codeOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: number }).code : undefined;
}

/**
 * Declares the DAV broker topology in the spec's order (events.md §1.1): source exchanges, then per queue its
 * dead-letter exchange, dead-letter queue and their binding, the main queue and its bindings, and the retry queue.
 *
 * An exchange that already exists with other attributes (406) is logged and used as it is. A 406 closes the
 * AMQP channel, so a new one is opened after it.
 */
export class TopologyDeclarer {
  private readonly logger = new Logger(TopologyDeclarer.name);

  constructor(
    private readonly exchanges: readonly string[],
    private readonly queues: readonly QueueDefinition[],
    private readonly queueArguments: QueueArguments,
  ) {}

  /** Opens its own connection, declares everything and closes it. */
  async declareOn(uri: string): Promise<void> {
    const model = await connect(uri, { timeout: 10_000 });
    model.on('error', () => undefined);
    try {
      await this.declare(model);
    } finally {
      await model.close().catch(() => undefined);
    }
  }

  async declare(model: ChannelModel): Promise<void> {
    let channel = await this.openChannel(model);
    const exchange = async (name: string): Promise<void> => {
      try {
        await channel.assertExchange(name, 'fanout', { durable: true });
      } catch (error) {
        if (codeOf(error) !== PRECONDITION_FAILED) throw error;
        this.logger.warn(`exchange ${name} exists with other attributes; used as it is`);
        channel = await this.openChannel(model);
      }
    };
    for (const name of this.exchanges) await exchange(name);
    for (const queue of this.queues) {
      for (const name of queue.exchanges) await exchange(name);
      await exchange(queue.deadLetter);
      await channel.assertQueue(queue.deadLetter, { durable: true, arguments: { ...this.queueArguments } });
      await channel.bindQueue(queue.deadLetter, queue.deadLetter, '');
      await channel.assertQueue(queue.name, { durable: true, arguments: this.mainQueueArguments(queue) });
      for (const name of queue.exchanges) await channel.bindQueue(queue.name, name, '');
      if (queue.retry) {
        await channel.assertQueue(queue.retry, { durable: true, arguments: this.retryQueueArguments(queue) });
      }
    }
    await channel.close().catch(() => undefined);
  }

  mainQueueArguments(queue: QueueDefinition): QueueArguments {
    return { ...this.queueArguments, 'x-dead-letter-exchange': queue.deadLetter };
  }

  /** Messages expire after their own `expiration` and go back to the main queue through the default exchange. */
  retryQueueArguments(queue: QueueDefinition): QueueArguments {
    return {
      ...this.queueArguments,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queue.name,
    };
  }

  private async openChannel(model: ChannelModel): Promise<Channel> {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    return channel;
  }
}
