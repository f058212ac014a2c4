import { Injectable, Logger, Optional } from '@nestjs/common';
import { Nack } from '@golevelup/nestjs-rabbitmq';
import { createHash } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import {
  DependencyUnavailableError,
  InvalidArgumentError,
  WorkInProgressElsewhereError,
  reasonOf,
} from '@app/core';
import { MessageContract } from '../contracts/message-contract';
import { QueueDefinition } from '../topology/calendar-topology';
import { AmqpMessage, MessageRetrier } from './message-retrier';

/** A message still being processed after this long is given up (retry queue, else dead letter). */
export const DEFAULT_PROCESSING_TIMEOUT_MS = 5 * 60_000;

/** The handler did not finish within the processing timeout: treated as a dependency that is down. */
export class ProcessingTimeoutError extends DependencyUnavailableError {
  constructor(timeoutMs: number) {
    super('The message took too long to process', `more than ${timeoutMs / 1000} s`);
  }
}

/** Bounded retry: the message waits `delayMs` in the queue's retry queue, at most `maxAttempts` times. */
export interface RetryPolicy {
  delayMs: number;
  maxAttempts: number;
}

/** What the handler knows of the delivery besides the parsed message. */
export interface MessageContext {
  /** The producer's message id, else a digest of the body: stable across redeliveries and retries. */
  readonly key: string;
  /** Previous passes through the retry queue. */
  readonly attempt: number;
  readonly amqp: AmqpMessage;
}

export interface ConsumeOptions<T> {
  /** The queue the message came from (its retry queue is used for retries). */
  queue: QueueDefinition;
  contract: MessageContract<T>;
  /**
   * Processes the parsed message, typically `commandBus.execute(new SomeCommand(message))`. It is called
   * synchronously (no `await` before it), so dispatch order is delivery order.
   */
  handle: (message: T, context: MessageContext) => Promise<unknown>;
  /** Retry when a dependency is down; without it (or without a retry queue) such messages are dead-lettered. */
  retry?: RetryPolicy;
  /** Other errors worth a retry besides `DependencyUnavailableError` (e.g. "the same work is in progress"). */
  isTransient?: (error: unknown) => boolean;
  /** Default `DEFAULT_PROCESSING_TIMEOUT_MS`; 0 for none. */
  timeoutMs?: number;
  /** A short description of the message for the log lines (e.g. `REQUEST weekly-sync`). */
  describe?: (message: T) => string;
}

/** The message id when the producer set one, else a digest of the body (esn-sabre publishes without ids). */
export function messageKeyOf(message: AmqpMessage): string {
  const id = message.properties.messageId as unknown;
  if (typeof id === 'string' && id.trim()) return `id-${id.trim()}`;
  return createHash('sha256').update(message.content).digest('hex');
}

async function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  if (!timeoutMs) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProcessingTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The one way a Sabre (DAV broker) message is consumed: parse with its contract → handle (dispatch a command) → ack.
 *
 * - invalid message (`InvalidMessageError` from the contract, or any `InvalidArgumentError` from the handler):
 *   dead-lettered at once, the reason logged;
 * - a dependency down (`DependencyUnavailableError`, a processing timeout, or what `isTransient` accepts): put aside in
 *   the queue's retry queue (`retry`: bounded delay and attempts), then dead-lettered;
 * - the same work in progress elsewhere (`WorkInProgressElsewhereError`, e.g. another consumer sending the mail):
 *   put aside in the retry queue without counting an attempt, never dead-lettered for it;
 * - any other failure: dead-lettered with its stack logged;
 * - every log line of the processing carries `correlationId` (the message key) and `queue` (pino context).
 *
 * A consumer is a subscription plus one call:
 *
 * ```ts
 * @Injectable()
 * export class AlarmCreatedConsumer {
 *   constructor(private readonly pipeline: MessagePipeline, private readonly commandBus: CommandBus) {}
 *
 *   @RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.created).name })
 *   handle(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
 *     return this.pipeline.consume(content, message, {
 *       queue: ALARM_QUEUES.created,
 *       contract: CALENDAR_EVENT_ALARM_CONTRACT,
 *       handle: (event) => this.commandBus.execute(new ScheduleAlarmsCommand(event)),
 *     });
 *   }
 * }
 * ```
 *
 * The returned value is what `@RabbitSubscribe` handlers return: `undefined` acks, `Nack(false)` dead-letters.
 */
@Injectable()
export class MessagePipeline {
  private readonly logger = new Logger(MessagePipeline.name);

  constructor(
    private readonly retrier: MessageRetrier,
    @Optional() private readonly pino?: PinoLogger,
  ) {}

  consume<T>(content: Buffer, amqp: AmqpMessage, options: ConsumeOptions<T>): Promise<Nack | undefined> {
    const key = messageKeyOf(amqp);
    const run = () => this.process(key, content, amqp, options);
    if (!this.pino) return run();
    return this.pino.runInContext(run, {
      bindings: { correlationId: key.slice(0, 32), queue: options.queue.name },
    });
  }

  private async process<T>(
    key: string,
    content: Buffer,
    amqp: AmqpMessage,
    options: ConsumeOptions<T>,
  ): Promise<Nack | undefined> {
    const prefix = `${options.contract.name} on ${options.queue.name}`;
    let message: T;
    let work: Promise<unknown>;
    const attempt = this.retrier.attemptOf(amqp);
    try {
      message = options.contract.parse(content);
    } catch (error) {
      this.logger.error(`${prefix} dead-lettered: ${reasonOf(error)}`);
      return new Nack(false);
    }
    const described = options.describe ? `${prefix} (${options.describe(message)})` : prefix;
    try {
      work = options.handle(message, { key, attempt, amqp });
    } catch (error) {
      work = Promise.reject(error as Error);
    }
    try {
      await withinTimeout(work, options.timeoutMs ?? DEFAULT_PROCESSING_TIMEOUT_MS);
      return undefined;
    } catch (error) {
      return this.failed(described, amqp, attempt, options, error);
    }
  }

  private async failed<T>(
    described: string,
    amqp: AmqpMessage,
    attempt: number,
    options: ConsumeOptions<T>,
    error: unknown,
  ): Promise<Nack | undefined> {
    // Somebody else holds the work's lease: come back later, without using the retry budget (the lease ends).
    if (error instanceof WorkInProgressElsewhereError && options.retry && options.queue.retry) {
      try {
        await this.retrier.retryLater(options.queue, amqp, options.retry.delayMs, { countAttempt: false });
      } catch (publishError) {
        this.logger.error(`${described} dead-lettered, retry not scheduled: ${reasonOf(publishError)}`);
        return new Nack(false);
      }
      this.logger.log(
        `${described} in progress elsewhere (${reasonOf(error)}): back in ${options.retry.delayMs} ms`,
      );
      return undefined;
    }
    const transient = error instanceof DependencyUnavailableError || (options.isTransient?.(error) ?? false);
    if (transient && !(error instanceof InvalidArgumentError) && options.retry && options.queue.retry) {
      const next = attempt + 1;
      if (next <= options.retry.maxAttempts) {
        try {
          await this.retrier.retryLater(options.queue, amqp, options.retry.delayMs);
        } catch (publishError) {
          this.logger.error(`${described} dead-lettered, retry not scheduled: ${reasonOf(publishError)}`);
          return new Nack(false);
        }
        this.logger.warn(
          `${described} not processed yet (${reasonOf(error)}): retry ${next} in ${options.retry.delayMs} ms`,
        );
        return undefined;
      }
      this.logger.error(`${described} dead-lettered after ${attempt} retries: ${reasonOf(error)}`);
      return new Nack(false);
    }
    if (transient || error instanceof InvalidArgumentError) {
      this.logger.error(`${described} dead-lettered: ${reasonOf(error)}`);
    } else {
      this.logger.error(`${described} dead-lettered: ${reasonOf(error)}`, (error as Error)?.stack);
    }
    return new Nack(false);
  }
}
