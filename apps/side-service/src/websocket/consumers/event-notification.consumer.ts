import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CALENDAR_EVENT_CONTRACT,
  EVENT_NOTIFICATION_QUEUES,
  MessagePipeline,
  QueueDefinition,
  consumedQueue,
} from '@app/messaging';
import { PushCalendarChangeCommand } from '../commands/push-calendar-change/push-calendar-change.command';

const Q = EVENT_NOTIFICATION_QUEUES;

/**
 * `tcalendar:event:{created,updated,deleted,cancel,request,reply}:notification` (events.md §1.3, §7): each message
 * makes the subscribers of its calendar read the new sync token. Invalid messages and failures (the event bus down
 * while its failures are not ignored) are dead-lettered.
 */
@Injectable()
export class EventNotificationConsumer {
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

  @RabbitSubscribe({ name: consumedQueue(Q.cancel).name })
  cancel(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.consume(Q.cancel, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(Q.request).name })
  request(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.consume(Q.request, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(Q.reply).name })
  reply(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.consume(Q.reply, content, message);
  }

  private consume(queue: QueueDefinition, content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue,
      contract: CALENDAR_EVENT_CONTRACT,
      handle: (event) => this.commandBus.execute(new PushCalendarChangeCommand(event)),
      describe: (event) => event.eventPath,
    });
  }
}
