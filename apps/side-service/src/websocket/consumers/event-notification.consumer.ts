import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CALENDAR_EVENT_CONTRACT,
  EVENT_NOTIFICATION_QUEUES,
  MessagePipeline,
  QueueDefinition,
  QueueFamilyConsumer,
  SubscribeEach,
} from '@app/messaging';
import { PushCalendarChangeCommand } from '../commands/push-calendar-change/push-calendar-change.command';

/**
 * `tcalendar:event:{created,updated,deleted,cancel,request,reply}:notification` (events.md §1.3, §7): each message
 * makes the subscribers of its calendar read the new sync token. Invalid messages and failures (the event bus down
 * while its failures are not ignored) are dead-lettered.
 */
@Injectable()
@SubscribeEach(EVENT_NOTIFICATION_QUEUES)
export class EventNotificationConsumer implements QueueFamilyConsumer {
  constructor(
    private readonly pipeline: MessagePipeline,
    private readonly commandBus: CommandBus,
  ) {}

  consume(queue: QueueDefinition, content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue,
      contract: CALENDAR_EVENT_CONTRACT,
      handle: (event) => this.commandBus.execute(new PushCalendarChangeCommand(event)),
      describe: (event) => event.eventPath,
    });
  }
}
