import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CALENDAR_CONTRACT,
  CALENDAR_LIST_NOTIFICATION_QUEUE,
  MessagePipeline,
  consumedQueue,
} from '@app/messaging';
import { PushCalendarListChangeCommand } from '../commands/push-calendar-list-change/push-calendar-list-change.command';

/**
 * `tcalendar:calendar:list:notification` (events.md §1.3, §7), bound to the three `calendar:calendar:*` and three
 * `calendar:subscription:*` exchanges: the change is named after the exchange the message came from. Both message
 * kinds carry `calendarPath`; the calendar contract reads them (a subscription message has no `calendarProps`).
 */
@Injectable()
export class CalendarListNotificationConsumer {
  constructor(
    private readonly pipeline: MessagePipeline,
    private readonly commandBus: CommandBus,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(CALENDAR_LIST_NOTIFICATION_QUEUE).name })
  handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: CALENDAR_LIST_NOTIFICATION_QUEUE,
      contract: CALENDAR_CONTRACT,
      handle: (calendar, { amqp }) =>
        this.commandBus.execute(new PushCalendarListChangeCommand(amqp.fields.exchange, calendar)),
      describe: (calendar) => `${message.fields.exchange} ${calendar.calendarPath}`,
    });
  }
}
