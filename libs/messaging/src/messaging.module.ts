import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import {
  MessageHandlerErrorBehavior,
  MessageHandlerOptions,
  RabbitMQConfig,
  RabbitMQModule,
} from '@golevelup/nestjs-rabbitmq';
import type { AllConfig } from '@app/config';
import { connectionUri } from './broker-address';
import { ConsumerRestarter } from './consumers/consumer-restarter';
import { CONSUMER_WATCHDOG_OPTIONS, ConsumerWatchdog } from './consumers/consumer-watchdog';
import { deadLetterOnError, rawBody } from './consumers/dead-letter';
import { MessagePipeline } from './consumers/message-pipeline';
import { MessageRetrier } from './consumers/message-retrier';
import { CalendarQueueConsumersHealthCheck } from './management/calendar-queue-consumers.health-check';
import { DeadLetterQueueEmptinessHealthCheck } from './management/dead-letter-queue-emptiness.health-check';
import { QueueInspector } from './management/queue-inspector';
import { AmqpMessagePublisher, MessagePublisher } from './message-publisher';
import { RABBITMQ_URI } from './messaging.tokens';
import { RabbitmqHealthCheck } from './rabbitmq.health-check';
import { DAV_EXCHANGES, ITIP_LOCAL_DELIVERY_QUEUE, calendarQueues } from './topology/calendar-topology';
import { davQueueArguments } from './topology/queue-arguments';
import { TopologyDeclarer } from './topology/topology-declarer';
import { TopologyMaintainer } from './topology/topology-maintainer';

type Config = ConfigService<AllConfig, true>;
const rabbit = (config: Config) => config.get('rabbitmq', { infer: true });
const declarerOf = (config: Config) =>
  new TopologyDeclarer(DAV_EXCHANGES, calendarQueues(), davQueueArguments(rabbit(config)));

/** Prefetch per consumer (events.md §1.1: 16 per queue and node). */
export const CONSUMER_PREFETCH = 16;

/** The iTIP local-delivery consumer has its own channel: its prefetch is configured (events.md §1.1). */
const ITIP_CHANNEL = 'itip-local-delivery';

/**
 * Subscriber settings of each calendar queue, looked up by queue name from `@RabbitSubscribe({ name })`: the
 * queue's exact arguments, the raw body, and dead-lettering on any error (never a requeue).
 */
function handlers(declarer: TopologyDeclarer): Record<string, MessageHandlerOptions> {
  return Object.fromEntries(
    calendarQueues().map((queue) => [
      queue.name,
      {
        queue: queue.name,
        createQueueIfNotExists: true,
        queueOptions: {
          durable: true,
          arguments: declarer.mainQueueArguments(queue),
          ...(queue.name === ITIP_LOCAL_DELIVERY_QUEUE.name ? { channel: ITIP_CHANNEL } : {}),
        },
        deserializer: rawBody,
        errorHandler: deadLetterOnError,
      },
    ]),
  );
}

/**
 * RabbitMQ: the DAV broker topology (declared before any consumer starts), the subscriber settings, publishing,
 * the broker health checks and the consumer watchdog.
 */
@Global()
@Module({
  imports: [
    // The consumer watchdog's timers live in the SchedulerRegistry (global; one registry however often imported).
    ScheduleModule.forRoot(),
    RabbitMQModule.forRootAsync({
      inject: [ConfigService],
      useFactory: async (config: Config): Promise<RabbitMQConfig> => {
        const uri = connectionUri(rabbit(config));
        const declarer = declarerOf(config);
        await declarer.declareOn(uri);
        return {
          uri,
          prefetchCount: CONSUMER_PREFETCH,
          channels: { [ITIP_CHANNEL]: { prefetchCount: rabbit(config).itipPrefetchCount } },
          connectionInitOptions: { wait: true, timeout: 20_000, reject: true },
          connectionManagerOptions: { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 2 },
          enableDirectReplyTo: false,
          defaultSubscribeErrorBehavior: MessageHandlerErrorBehavior.NACK,
          handlers: handlers(declarer),
          logger: new Logger('RabbitMQ'),
        };
      },
    }),
  ],
  providers: [
    {
      provide: RABBITMQ_URI,
      inject: [ConfigService],
      useFactory: (config: Config) => connectionUri(rabbit(config)),
    },
    { provide: TopologyDeclarer, inject: [ConfigService], useFactory: declarerOf },
    QueueInspector,
    {
      provide: CONSUMER_WATCHDOG_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: Config) => rabbit(config).reconnection,
    },
    { provide: MessagePublisher, useClass: AmqpMessagePublisher },
    RabbitmqHealthCheck,
    CalendarQueueConsumersHealthCheck,
    DeadLetterQueueEmptinessHealthCheck,
    ConsumerRestarter,
    ConsumerWatchdog,
    TopologyMaintainer,
    MessageRetrier,
    MessagePipeline,
  ],
  exports: [
    RABBITMQ_URI,
    RabbitMQModule,
    MessagePublisher,
    MessageRetrier,
    MessagePipeline,
    TopologyDeclarer,
    QueueInspector,
  ],
})
export class MessagingModule {}
