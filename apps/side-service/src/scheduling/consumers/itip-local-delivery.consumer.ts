import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  ITIP_LOCAL_DELIVERY_CONTRACT,
  ITIP_LOCAL_DELIVERY_QUEUE,
  MessagePipeline,
  consumedQueue,
} from '@app/messaging';
import { DeliverItipMessageCommand } from '../commands/deliver-itip-message/deliver-itip-message.command';
import { FanOutItipMessageCommand } from '../commands/fan-out-itip-message/fan-out-itip-message.command';

/**
 * `tcalendar:itip:localDelivery` (events.md §3.1): several recipients: fan-out; one: delivery. The pipeline
 * dispatches the command before any `await`, so messages of one UID keep the order in which the broker delivered
 * them. Invalid messages and failures are dead-lettered (no retry queue: events.md §1.1).
 */
@Injectable()
export class ItipLocalDeliveryConsumer {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(ITIP_LOCAL_DELIVERY_QUEUE).name })
  handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: ITIP_LOCAL_DELIVERY_QUEUE,
      contract: ITIP_LOCAL_DELIVERY_CONTRACT,
      handle: (delivery) =>
        this.commandBus.execute(
          delivery.recipients.length > 1
            ? new FanOutItipMessageCommand(delivery)
            : new DeliverItipMessageCommand(delivery),
        ),
      describe: (delivery) => `${delivery.method} ${delivery.uid}`,
    });
  }
}
