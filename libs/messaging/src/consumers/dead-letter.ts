import type { MessageErrorHandler } from '@golevelup/nestjs-rabbitmq';

/**
 * Error handler of every subscriber: the message goes to its dead-letter queue (nack without requeue), never back
 * to the queue. A channel that closed meanwhile (broker restart) makes the nack fail: the broker then redelivers
 * the message itself, so the failure is ignored instead of becoming an unhandled rejection.
 */
export const deadLetterOnError: MessageErrorHandler = (channel, message) => {
  for (const single of Array.isArray(message) ? message : [message]) {
    try {
      channel.nack(single, false, false);
    } catch {
      // channel closed: redelivered by the broker
    }
  }
};

/** Messages are handed to consumers as the raw body: each consumer parses and validates it, and logs why not. */
export const rawBody = (content: Buffer): Buffer => content;
