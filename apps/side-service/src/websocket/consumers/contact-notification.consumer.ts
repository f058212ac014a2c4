import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CONTACT_CONTRACT,
  CONTACT_NOTIFICATION_QUEUES,
  MessagePipeline,
  QueueDefinition,
  consumedQueue,
} from '@app/messaging';
import { PushContactChangeCommand } from '../commands/push-contact-change/push-contact-change.command';

const Q = CONTACT_NOTIFICATION_QUEUES;

/**
 * `tcalendar:contact:{created,updated,deleted}:notification` (events.md §1.3, §7): the subscribers of the card's
 * address book read its new sync token (the path-only copy of a deletion pushes too: tokens are idempotent).
 */
@Injectable()
export class ContactNotificationConsumer {
  constructor(
    private readonly pipeline: MessagePipeline,
    private readonly commandBus: CommandBus,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(Q.created).name })
  created(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.consume(Q.created, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(Q.updated).name })
  updated(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.consume(Q.updated, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(Q.deleted).name })
  deleted(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.consume(Q.deleted, content, message);
  }

  private consume(queue: QueueDefinition, content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue,
      contract: CONTACT_CONTRACT,
      handle: (contact) => this.commandBus.execute(new PushContactChangeCommand(contact)),
      describe: (contact) => contact.path,
    });
  }
}
