import { Injectable } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { MessagePublisher } from '../message-publisher';
import { QueueDefinition } from '../topology/calendar-topology';

/** A delivered AMQP message, as consumers receive it next to its body. */
export type AmqpMessage = ConsumeMessage;

export const RETRY_ATTEMPT_HEADER = 'x-tcal-retry-attempt';

/**
 * Puts a message aside for a while: it is copied into the queue's retry queue with an expiration, and comes back
 * to the main queue when it expires. The caller acknowledges the original once this resolves (publisher confirm),
 * so the message is never lost, only delayed.
 */
@Injectable()
export class MessageRetrier {
  constructor(private readonly publisher: MessagePublisher) {}

  /** How many times the message has already been put aside. */
  attemptOf(message: ConsumeMessage): number {
    const value = Number(message.properties.headers?.[RETRY_ATTEMPT_HEADER] ?? 0);
    return Number.isFinite(value) && value > 0 ? value : 0;
  }

  /** `countAttempt: false` puts the message aside without using its retry budget (work in progress elsewhere). */
  async retryLater(
    queue: QueueDefinition,
    message: ConsumeMessage,
    delayMs: number,
    { countAttempt = true }: { countAttempt?: boolean } = {},
  ): Promise<void> {
    if (!queue.retry) throw new Error(`queue ${queue.name} has no retry queue`);
    const headers = { ...(message.properties.headers ?? {}) };
    delete headers['x-death'];
    delete headers['x-first-death-exchange'];
    delete headers['x-first-death-queue'];
    delete headers['x-first-death-reason'];
    delete headers['x-last-death-exchange'];
    delete headers['x-last-death-queue'];
    delete headers['x-last-death-reason'];
    headers[RETRY_ATTEMPT_HEADER] = this.attemptOf(message) + (countAttempt ? 1 : 0);
    await this.publisher.publish('', queue.retry, message.content, {
      headers,
      messageId: message.properties.messageId as string | undefined,
      expirationMs: Math.max(1, Math.round(delayMs)),
      persistent: true,
    });
  }
}
