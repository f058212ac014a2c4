import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  MessagePipeline,
  NOTIFICATION_EMAIL_CONTRACT,
  NOTIFICATION_EMAIL_QUEUE,
  consumedQueue,
} from '@app/messaging';
import { MAIL_RETRY, MailRetry } from './mail-retry';
import { SendEventNotificationCommand } from '../commands/send-event-notification/send-event-notification.command';

/**
 * `tcalendar:event:notificationEmail:send` (events.md §3.3): one mail per message, sent through the command bus.
 * While the mail server is unavailable (or the same mail is being sent elsewhere) the message waits in the retry
 * queue, up to a bounded number of attempts; invalid messages and failures are dead-lettered (see MessagePipeline).
 */
@Injectable()
export class NotificationEmailConsumer {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
    @Inject(MAIL_RETRY) private readonly mailRetry: MailRetry,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(NOTIFICATION_EMAIL_QUEUE).name })
  handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: NOTIFICATION_EMAIL_QUEUE,
      contract: NOTIFICATION_EMAIL_CONTRACT,
      handle: (notification, { key }) =>
        this.commandBus.execute(new SendEventNotificationCommand(key, notification)),
      ...this.mailRetry,
      describe: (notification) => `${notification.method} to ${notification.recipientEmail}`,
    });
  }
}
