import { Injectable } from '@nestjs/common';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, degraded } from '@app/observability';
import { ConsumerRestarter } from '../consumers/consumer-restarter';
import { calendarQueues } from '../topology/calendar-topology';
import { QueueInspector } from './queue-inspector';

/** Degraded when a calendar queue has no consumer, which also restarts the consumers (webadmin.md §3). */
@HealthComponent()
@Injectable()
export class CalendarQueueConsumersHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'CalendarQueueConsumers';

  constructor(
    private readonly queues: QueueInspector,
    private readonly restarter: ConsumerRestarter,
  ) {
    super();
  }

  /** Main queues without a consumer (a missing queue counts as one). */
  async queuesWithoutConsumer(): Promise<string[]> {
    const queues = calendarQueues();
    const states = await Promise.all(queues.map((queue) => this.queues.state(queue.name)));
    return queues.filter((_, index) => (states[index]?.consumers ?? 0) === 0).map((q) => q.name);
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const missing = await this.queuesWithoutConsumer();
    if (missing.length === 0) return;
    void this.restarter.restartAll(`no consumer on ${missing.join(', ')}`);
    return degraded(`No consumers: ${missing.join(', ')}`);
  }
}
