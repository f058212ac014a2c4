import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  CALENDAR_CONTRACT,
  CALENDAR_DELEGATED_CREATED_QUEUE,
  MessagePipeline,
  consumedQueue,
  withRetryQueue,
} from '@app/messaging';
import { MAIL_RETRY, MailRetry } from '../../notifications/consumers/mail-retry';
import { SendDelegationMailCommand } from '../commands/send-delegation-mail/send-delegation-mail.command';

/** With a retry queue: a mail server that is down delays the mail. */
export const DELEGATED_CREATED_QUEUE = withRetryQueue(CALENDAR_DELEGATED_CREATED_QUEUE);

/** `tcalendar:calendar:delegated:created` (events.md §1.3, §3.5): delegation and resource-administrator mails. */
@Injectable()
export class CalendarDelegatedConsumer {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
    @Inject(MAIL_RETRY) private readonly mailRetry: MailRetry,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(DELEGATED_CREATED_QUEUE).name })
  handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: DELEGATED_CREATED_QUEUE,
      contract: CALENDAR_CONTRACT,
      handle: (calendar, { key }) => this.commandBus.execute(new SendDelegationMailCommand(key, calendar)),
      ...this.mailRetry,
      describe: (calendar) => calendar.calendarPath,
    });
  }
}
