import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Nack, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import { ALARM_QUEUES, AmqpMessage, MessagePipeline, QueueDefinition, consumedQueue } from '@app/messaging';
import { RemoveEventAlarmsCommand } from '../commands/remove-event-alarms/remove-event-alarms.command';
import { ScheduleEventAlarmsCommand } from '../commands/schedule-event-alarms/schedule-event-alarms.command';
import { ALARM_MESSAGE_CONTRACT, AlarmMessage } from './alarm-message.contract';

type AlarmQueue = keyof typeof ALARM_QUEUES;

/**
 * The five `tcalendar:event:alarm:X` queues (events.md §4.1): `created` (only with a VALARM), `updated` and `request`
 * schedule, `deleted` and `cancel` remove. Invalid fields are logged and acknowledged (the spec's handlers swallow
 * errors); a storage or DAV failure dead-letters the message.
 */
@Injectable()
export class AlarmMessagesConsumer {
  private readonly logger = new Logger(AlarmMessagesConsumer.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly pipeline: MessagePipeline,
  ) {}

  @RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.created).name })
  created(content: Buffer, amqp: AmqpMessage): Promise<Nack | undefined> {
    return this.consume('created', content, amqp);
  }

  @RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.updated).name })
  updated(content: Buffer, amqp: AmqpMessage): Promise<Nack | undefined> {
    return this.consume('updated', content, amqp);
  }

  @RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.request).name })
  request(content: Buffer, amqp: AmqpMessage): Promise<Nack | undefined> {
    return this.consume('request', content, amqp);
  }

  @RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.deleted).name })
  deleted(content: Buffer, amqp: AmqpMessage): Promise<Nack | undefined> {
    return this.consume('deleted', content, amqp);
  }

  @RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.cancel).name })
  cancel(content: Buffer, amqp: AmqpMessage): Promise<Nack | undefined> {
    return this.consume('cancel', content, amqp);
  }

  private consume(kind: AlarmQueue, content: Buffer, amqp: AmqpMessage): Promise<Nack | undefined> {
    const queue: QueueDefinition = ALARM_QUEUES[kind];
    return this.pipeline.consume(content, amqp, {
      queue,
      contract: ALARM_MESSAGE_CONTRACT,
      handle: (alarm) => this.dispatch(kind, alarm),
      describe: (alarm) => ('message' in alarm ? alarm.message.eventPath : 'invalid'),
    });
  }

  private async dispatch(kind: AlarmQueue, alarm: AlarmMessage): Promise<unknown> {
    if ('invalid' in alarm) {
      this.logger.warn(`alarm:${kind} message ignored: ${alarm.invalid}`);
      return undefined;
    }
    if (kind === 'deleted' || kind === 'cancel')
      return this.commandBus.execute(new RemoveEventAlarmsCommand(alarm.message));
    return this.commandBus.execute(new ScheduleEventAlarmsCommand(alarm.message, kind === 'created'));
  }
}
