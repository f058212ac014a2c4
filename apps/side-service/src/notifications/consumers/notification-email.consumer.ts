import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import { createHash } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { DomainError } from '@app/core';
import { MailDeliveryInProgressError, MailDeliveryUnavailableError } from '@app/mail';
import { AmqpMessage, MessageRetrier, NOTIFICATION_EMAIL_QUEUE } from '@app/messaging';
import { SendEventNotificationCommand } from '../commands/send-event-notification/send-event-notification.command';
import { parseEventNotification } from '../event-notification';

export const MAIL_RETRY = Symbol('MAIL_RETRY');
export interface MailRetrySettings {
  delayMs: number;
  maxAttempts: number;
}

/** The message id when the producer set one, else a digest of the body (esn-sabre publishes without ids). */
export function messageKeyOf(message: AmqpMessage): string {
  const id = message.properties.messageId as unknown;
  if (typeof id === 'string' && id.trim()) return `id-${id.trim()}`;
  return createHash('sha256').update(message.content).digest('hex');
}

/** A message still being processed after this long is put aside (retry queue): a stuck call must not hold it. */
export const PROCESSING_TIMEOUT_MS = 5 * 60_000;

class ProcessingTimeoutError extends MailDeliveryUnavailableError {
  constructor() {
    super(`processing took longer than ${PROCESSING_TIMEOUT_MS / 1000} s`);
  }
}

async function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProcessingTimeoutError()), PROCESSING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof DomainError && error.details
    ? `${error.message}: ${error.details}`
    : (error as Error).message;

/**
 * `tcalendar:event:notificationEmail:send` (events.md §3.3): validates the message, sends its mail through the
 * command bus and acknowledges. An invalid message or a failure goes to the dead-letter queue with its reason
 * logged. While the mail server is unavailable the message waits in the retry queue instead, up to a bounded
 * number of attempts.
 */
@Injectable()
export class NotificationEmailConsumer {
  private readonly logger = new Logger(NotificationEmailConsumer.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly retrier: MessageRetrier,
    private readonly pino: PinoLogger,
    @Inject(MAIL_RETRY) private readonly retry: MailRetrySettings,
  ) {}

  @RabbitSubscribe({ name: NOTIFICATION_EMAIL_QUEUE.name })
  handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    const key = messageKeyOf(message);
    return this.pino.runInContext(() => this.process(key, content, message), {
      bindings: { correlationId: key.slice(0, 32), queue: NOTIFICATION_EMAIL_QUEUE.name },
    });
  }

  private async process(key: string, content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    let command: SendEventNotificationCommand;
    try {
      command = new SendEventNotificationCommand(key, parseEventNotification(content));
    } catch (error) {
      this.logger.error(`dead-lettered: ${reasonOf(error)}`);
      return new Nack(false);
    }
    try {
      await withinTimeout(this.commandBus.execute(command));
      return undefined;
    } catch (error) {
      if (error instanceof MailDeliveryUnavailableError || error instanceof MailDeliveryInProgressError) {
        const attempt = this.retrier.attemptOf(message) + 1;
        if (attempt <= this.retry.maxAttempts) {
          await this.retrier.retryLater(NOTIFICATION_EMAIL_QUEUE, message, this.retry.delayMs);
          this.logger.warn(
            `mail not sent yet (${reasonOf(error)}): retry ${attempt} in ${this.retry.delayMs} ms`,
          );
          return undefined;
        }
        this.logger.error(`dead-lettered after ${attempt - 1} retries: ${reasonOf(error)}`);
        return new Nack(false);
      }
      this.logger.error(`dead-lettered: ${reasonOf(error)}`, (error as Error).stack);
      return new Nack(false);
    }
  }
}
