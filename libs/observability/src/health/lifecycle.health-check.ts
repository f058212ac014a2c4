import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ComponentHealth, HealthCheck, HealthComponent, healthy, unhealthy } from './health-check';

/** Healthy once start-up has completed. The name is kept from the original for monitoring compatibility. */
@HealthComponent()
@Injectable()
export class LifecycleHealthCheck extends HealthCheck implements OnApplicationBootstrap {
  readonly componentName = 'Guice application lifecycle';
  private started = false;

  onApplicationBootstrap(): void {
    this.started = true;
  }

  async check(): Promise<ComponentHealth> {
    return this.started ? healthy() : unhealthy('application is starting');
  }
}
