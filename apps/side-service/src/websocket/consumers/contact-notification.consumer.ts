import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CONTACT_CONTRACT,
  CONTACT_NOTIFICATION_QUEUES,
  MessagePipeline,
  QueueDefinition,
  QueueFamilyConsumer,
  SubscribeEach,
} from '@app/messaging';
import { PushContactChangeCommand } from '../commands/push-contact-change/push-contact-change.command';

/**
 * `tcalendar:contact:{created,updated,deleted}:notification` (events.md §1.3, §7): the subscribers of the card's
 * address book read its new sync token (the path-only copy of a deletion pushes too: tokens are idempotent).
 */
@Injectable()
@SubscribeEach(CONTACT_NOTIFICATION_QUEUES)
export class ContactNotificationConsumer implements QueueFamilyConsumer {
  constructor(
    private readonly pipeline: MessagePipeline,
    private readonly commandBus: CommandBus,
  ) {}

  consume(queue: QueueDefinition, content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue,
      contract: CONTACT_CONTRACT,
      handle: (contact) => this.commandBus.execute(new PushContactChangeCommand(contact)),
      describe: (contact) => contact.path,
    });
  }
}
