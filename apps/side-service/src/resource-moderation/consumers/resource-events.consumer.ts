import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import {
  AmqpMessage,
  MessagePipeline,
  RESOURCE_EVENT_CONTRACT,
  RESOURCE_EVENT_QUEUES,
  ResourceEventMessage,
  consumedQueue,
  withRetryQueue,
} from '@app/messaging';
import { MAIL_RETRY, MailRetry } from '../../notifications/consumers/mail-retry';
import { NotifyDecisionCommand } from '../commands/notify-decision/notify-decision.command';
import { RequestModerationCommand } from '../commands/request-moderation/request-moderation.command';

/** The resource queues, each with a retry queue: a mail server that is down delays the mails, never loses them. */
export const RESOURCE_CREATED_QUEUE = withRetryQueue(RESOURCE_EVENT_QUEUES.created);
export const RESOURCE_ACCEPTED_QUEUE = withRetryQueue(RESOURCE_EVENT_QUEUES.accepted);
export const RESOURCE_DECLINED_QUEUE = withRetryQueue(RESOURCE_EVENT_QUEUES.declined);

const describe = (message: ResourceEventMessage) =>
  `resource ${message.resourceId}, event ${message.eventId}`;

/**
 * `resource:tcalendar:event:{created,accepted,declined}` (events.md §1.3, §3.4): moderation requests and decision
 * mails, through the consumption pipeline (invalid messages and failures dead-lettered).
 */
@Injectable()
export class ResourceEventsConsumer {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
    @Inject(MAIL_RETRY) private readonly mailRetry: MailRetry,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(RESOURCE_CREATED_QUEUE).name })
  created(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue: RESOURCE_CREATED_QUEUE,
      contract: RESOURCE_EVENT_CONTRACT,
      handle: (event, { key }) => this.commandBus.execute(new RequestModerationCommand(key, event)),
      ...this.mailRetry,
      describe,
    });
  }

  @RabbitSubscribe({ name: consumedQueue(RESOURCE_ACCEPTED_QUEUE).name })
  accepted(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.decision(RESOURCE_ACCEPTED_QUEUE, true, content, message);
  }

  @RabbitSubscribe({ name: consumedQueue(RESOURCE_DECLINED_QUEUE).name })
  declined(content: Buffer, message: AmqpMessage): Promise<Nack | undefined> {
    return this.decision(RESOURCE_DECLINED_QUEUE, false, content, message);
  }

  private decision(
    queue: typeof RESOURCE_ACCEPTED_QUEUE,
    approved: boolean,
    content: Buffer,
    message: AmqpMessage,
  ): Promise<Nack | undefined> {
    return this.pipeline.consume(content, message, {
      queue,
      contract: RESOURCE_EVENT_CONTRACT,
      handle: (event, { key }) => this.commandBus.execute(new NotifyDecisionCommand(key, approved, event)),
      ...this.mailRetry,
      describe,
    });
  }
}
