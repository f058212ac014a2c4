import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  ComponentHealth,
  ComponentStatus,
  HealthCheck,
  HealthComponent,
  causeOf,
  unhealthy,
} from './health-check';

export interface ComponentReport extends ComponentHealth {
  componentName: string;
}

export interface HealthReport {
  status: ComponentStatus;
  checks: ComponentReport[];
}

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
export interface HealthOptions {
  /** Each check is reported unhealthy when it takes longer. */
  checkTimeoutMs: number;
  /** Period of the background run that logs failing checks. */
  periodMs: number;
}

const SEVERITY: Record<ComponentStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };
const FAILURE_LOG = 'health-failure-log';

/**
 * Runs every discovered `HealthCheck` concurrently and aggregates: the worst status wins. Every `periodMs` (an
 * interval in the SchedulerRegistry of @nestjs/schedule) a background run logs the failing checks; a run due while
 * the previous one still runs is skipped.
 */
@Injectable()
export class HealthService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HealthService.name);
  private checks: HealthCheck[] = [];
  private logging?: Promise<void>;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.checks = this.discovery
      .getProviders({ metadataKey: HealthComponent.KEY })
      .map((wrapper) => wrapper.instance as HealthCheck)
      .filter((instance) => instance instanceof HealthCheck && instance.enabled);
    const interval = setInterval(() => {
      this.logging ??= this.logFailures().finally(() => (this.logging = undefined));
    }, this.options.periodMs);
    interval.unref();
    this.registry.addInterval(FAILURE_LOG, interval);
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', FAILURE_LOG)) this.registry.deleteInterval(FAILURE_LOG);
  }

  componentNames(): string[] {
    return this.checks.map((check) => check.componentName);
  }

  async run(componentNames?: readonly string[]): Promise<HealthReport> {
    const selected = componentNames?.length
      ? this.checks.filter((check) => componentNames.includes(check.componentName))
      : this.checks;
    const checks = await Promise.all(selected.map((check) => this.runOne(check)));
    const status = checks.reduce<ComponentStatus>(
      (worst, check) => (SEVERITY[check.status] > SEVERITY[worst] ? check.status : worst),
      'healthy',
    );
    return { status, checks };
  }

  private async runOne(check: HealthCheck): Promise<ComponentReport> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ComponentHealth>((resolve) => {
      timer = setTimeout(
        () => resolve(unhealthy(`no answer within ${this.options.checkTimeoutMs} ms`)),
        this.options.checkTimeoutMs,
      );
    });
    try {
      const result = await Promise.race([
        check.check().catch((error: unknown) => unhealthy(causeOf(error))),
        timeout,
      ]);
      return { componentName: check.componentName, ...result };
    } finally {
      clearTimeout(timer);
    }
  }

  private async logFailures(): Promise<void> {
    const report = await this.run();
    for (const check of report.checks.filter((candidate) => candidate.status !== 'healthy')) {
      this.logger.warn(
        { component: check.componentName, status: check.status, cause: check.cause },
        'health check failed',
      );
    }
  }
}
