import { Injectable } from '@nestjs/common';
import { ComponentHealth, HealthCheck, HealthComponent, degraded, healthy } from '@app/observability';
import { AlarmScheduler } from './alarm-scheduler';

/** `AlarmScheduler`: degraded when the last tick failed (present when the scheduler runs on this node). */
@HealthComponent()
@Injectable()
export class AlarmSchedulerHealthCheck extends HealthCheck {
  readonly componentName = 'AlarmScheduler';

  constructor(private readonly scheduler: AlarmScheduler) {
    super();
  }

  override get enabled(): boolean {
    return this.scheduler.mode !== 'disabled';
  }

  check(): Promise<ComponentHealth> {
    const last = this.scheduler.last;
    if (last && !last.ok)
      return Promise.resolve(
        degraded(`the last alarm tick (${last.at.toISOString()}) failed: ${last.error}`),
      );
    return Promise.resolve(healthy());
  }
}
