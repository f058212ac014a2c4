import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CalendarQueueConsumersHealthCheck } from '../management/calendar-queue-consumers.health-check';
import { ConsumerRestarter } from './consumer-restarter';

export const CONSUMER_WATCHDOG_OPTIONS = Symbol('CONSUMER_WATCHDOG_OPTIONS');
export interface ConsumerWatchdogOptions {
  enabled: boolean;
  startDelayMs: number;
  intervalMs: number;
}

/**
 * Every interval (after a start delay), asks the broker whether each calendar queue has a consumer and
 * restarts all consumers when one has none (RABBITMQ_RECONNECTION_*; events.md §1.1).
 */
@Injectable()
export class ConsumerWatchdog implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConsumerWatchdog.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CONSUMER_WATCHDOG_OPTIONS) private readonly options: ConsumerWatchdogOptions,
    private readonly consumers: CalendarQueueConsumersHealthCheck,
    private readonly restarter: ConsumerRestarter,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.timer = setTimeout(() => this.tick(), this.options.startDelayMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    void this.check().finally(() => {
      if (!this.timer) return;
      this.timer = setTimeout(() => this.tick(), this.options.intervalMs);
      this.timer.unref();
    });
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
