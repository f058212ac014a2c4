import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CalendarQueueConsumersHealthCheck } from '../management/calendar-queue-consumers.health-check';
import { ConsumerRestarter } from './consumer-restarter';

export const CONSUMER_WATCHDOG_OPTIONS = Symbol('CONSUMER_WATCHDOG_OPTIONS');
export interface ConsumerWatchdogOptions {
  enabled: boolean;
  startDelayMs: number;
  intervalMs: number;
}

const START = 'amqp-consumer-watchdog:start';
const CHECKS = 'amqp-consumer-watchdog:checks';

/**
 * Every interval (after a start delay), asks the broker whether each calendar queue has a consumer and
 * restarts all consumers when one has none (RABBITMQ_RECONNECTION_*; events.md §1.1). Runs on @nestjs/schedule
 * (a timeout, then an interval, both in the SchedulerRegistry); a check due while the previous one still runs is
 * skipped.
 */
@Injectable()
export class ConsumerWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerWatchdog.name);
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(CONSUMER_WATCHDOG_OPTIONS) private readonly options: ConsumerWatchdogOptions,
    private readonly consumers: CalendarQueueConsumersHealthCheck,
    private readonly restarter: ConsumerRestarter,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    const start = setTimeout(() => {
      this.registry.deleteTimeout(START);
      if (this.stopped) return;
      const checks = setInterval(() => void this.tick(), this.options.intervalMs);
      checks.unref();
      this.registry.addInterval(CHECKS, checks);
      void this.tick();
    }, this.options.startDelayMs);
    start.unref();
    this.registry.addTimeout(START, start);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.registry.doesExist('timeout', START)) this.registry.deleteTimeout(START);
    if (this.registry.doesExist('interval', CHECKS)) this.registry.deleteInterval(CHECKS);
    await this.running;
  }

  /** One check unless one is running; resolves when it (or the running one) ends. */
  tick(): Promise<void> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  async check(): Promise<void> {
    try {
      const missing = await this.consumers.queuesWithoutConsumer();
      if (missing.length > 0) await this.restarter.restartAll(`no consumer on ${missing.join(', ')}`);
    } catch (error) {
      this.logger.warn(`consumer check failed: ${(error as Error).message}`);
    }
  }
}
