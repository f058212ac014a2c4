import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import { QueueDefinition, consumedQueue } from '../topology/calendar-topology';
import { AmqpMessage } from './message-retrier';

/** A consumer of a family of queues: one method that takes each message with the queue it came from. */
export interface QueueFamilyConsumer {
  consume(queue: QueueDefinition, content: Buffer, message: AmqpMessage): Promise<Nack | undefined>;
}

/**
 * Class decorator: subscribes the class to every queue of a family (`{ created: …, updated: … }`), one
 * `@RabbitSubscribe` handler per queue, named after its key, each handing its messages to `consume` with the queue
 * (what one hand-written method per queue would do).
 */
export function SubscribeEach(queues: Readonly<Record<string, QueueDefinition>>) {
  return <T extends abstract new (...args: never[]) => QueueFamilyConsumer>(target: T): void => {
    for (const [key, queue] of Object.entries(queues)) {
      const subscribed = consumedQueue(queue);
      const handler = {
        [key](this: QueueFamilyConsumer, content: Buffer, message: AmqpMessage) {
          return this.consume(subscribed, content, message);
        },
      }[key]!;
      const descriptor = { value: handler, writable: true, configurable: true, enumerable: false };
      Object.defineProperty(target.prototype, key, descriptor);
      RabbitSubscribe({ name: subscribed.name })(target.prototype, key, descriptor);
    }
  };
}
