import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CALENDAR_EVENT_CONTRACT,
  CalendarEventMessage,
  EVENT_SEARCH_QUEUES,
  MessagePipeline,
  QueueDefinition,
  consumedQueue,
} from '@app/messaging';
import { IndexCalendarEventCommand } from '../commands/index-calendar-event/index-calendar-event.command';
import { RemoveCalendarEventCommand } from '../commands/remove-calendar-event/remove-calendar-event.command';

const describe = (message: CalendarEventMessage) => message.eventPath;

/**
 * `tcalendar:event:{created,updated,deleted}:search` (events.md §1.3, §5.4): the event index. Unreadable messages and
 * events are dead-lettered with their reason logged; the consumer goes on with the next message.
 */
@Injectable()
export class EventSearchConsumer {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(EVENT_SEARCH_QUEUES.created).name })
  created(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.index(EVENT_SEARCH_QUEUES.created, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(EVENT_SEARCH_QUEUES.updated).name })
  updated(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.index(EVENT_SEARCH_QUEUES.updated, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(EVENT_SEARCH_QUEUES.deleted).name })
  deleted(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: EVENT_SEARCH_QUEUES.deleted,
      contract: CALENDAR_EVENT_CONTRACT,
      handle: (event) => this.commandBus.execute(new RemoveCalendarEventCommand(event)),
      describe,
    });
  }

  private index(queue: QueueDefinition, content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue,
      contract: CALENDAR_EVENT_CONTRACT,
      handle: (event) => this.commandBus.execute(new IndexCalendarEventCommand(event)),
      describe,
    });
  }
}
