import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CALENDAR_CONTRACT,
  CALENDAR_CREATED_QUEUE,
  MessagePipeline,
  consumedQueue,
} from '@app/messaging';
import { ApplyDefaultVisibilityCommand } from '../commands/apply-default-visibility/apply-default-visibility.command';

/** `tcalendar:calendar:created` (events.md §1.3, §3.5): the default visibility of new default calendars. */
@Injectable()
export class CalendarCreatedConsumer {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(CALENDAR_CREATED_QUEUE).name })
  handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: CALENDAR_CREATED_QUEUE,
      contract: CALENDAR_CONTRACT,
      handle: (calendar) => this.commandBus.execute(new ApplyDefaultVisibilityCommand(calendar)),
      describe: (calendar) => calendar.calendarPath,
    });
  }
}
