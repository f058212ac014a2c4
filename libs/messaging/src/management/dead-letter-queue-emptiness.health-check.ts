import { Injectable } from '@nestjs/common';
import { ComponentHealth, HealthComponent, ProbeHealthCheck, degraded } from '@app/observability';
import { calendarQueues } from '../topology/calendar-topology';
import { QueueInspector } from './queue-inspector';

/** Degraded while a calendar dead-letter queue holds messages (webadmin.md §3); operators replay them. */
@HealthComponent()
@Injectable()
export class DeadLetterQueueEmptinessHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'RabbitMQDeadLetterQueueEmptiness';

  constructor(private readonly queues: QueueInspector) {
    super();
  }

  protected async probe(): Promise<ComponentHealth | void> {
    const states = await Promise.all(calendarQueues().map((queue) => this.queues.state(queue.deadLetter)));
    const filled = states.filter((state) => (state?.messages ?? 0) > 0).map((state) => state!.name);
    if (filled.length > 0) return degraded(`dead letter queues are not empty: ${filled.join(', ')}`);
  }
}
