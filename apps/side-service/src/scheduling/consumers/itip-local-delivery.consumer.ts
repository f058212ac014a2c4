import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import { DomainError } from '@app/core';
import { ITIP_LOCAL_DELIVERY_QUEUE } from '@app/messaging';
import { DeliverItipMessageCommand } from '../commands/deliver-itip-message/deliver-itip-message.command';
import { FanOutItipMessageCommand } from '../commands/fan-out-itip-message/fan-out-itip-message.command';
import { LocalDeliveryMessage, parseLocalDeliveryMessage } from '../local-delivery/local-delivery-message';

const reasonOf = (error: unknown): string =>
  error instanceof DomainError && error.details
    ? `${error.message}: ${error.details}`
    : (error as Error).message;

/**
 * `tcalendar:itip:localDelivery` (events.md §3.1): validates the message and dispatches it — several recipients:
 * fan-out; one: delivery. The command is dispatched before any `await`, so that messages of one UID keep the order
 * in which the broker delivered them. An invalid message or a failure goes to the dead-letter queue.
 */
@Injectable()
export class ItipLocalDeliveryConsumer {
  private readonly logger = new Logger(ItipLocalDeliveryConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @RabbitSubscribe({ name: ITIP_LOCAL_DELIVERY_QUEUE.name })
  async handle(content: Buffer): Promise<Nack | undefined> {
    let message: LocalDeliveryMessage;
    try {
      message = parseLocalDeliveryMessage(content);
    } catch (error) {
      this.logger.error(`dead-lettered: ${reasonOf(error)}`);
      return new Nack(false);
    }
    try {
      await this.commandBus.execute(
        message.recipients.length > 1
          ? new FanOutItipMessageCommand(message)
          : new DeliverItipMessageCommand(message),
      );
      return undefined;
    } catch (error) {
      this.logger.error(
        `${message.method} ${message.uid} dead-lettered: ${reasonOf(error)}`,
        (error as Error).stack,
      );
      return new Nack(false);
    }
  }
}
