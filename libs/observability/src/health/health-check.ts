import { DiscoveryService } from '@nestjs/core';

export type ComponentStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface ComponentHealth {
  status: ComponentStatus;
  /** Human-readable reason, `null` when healthy. */
  cause: string | null;
}

/** One monitored component. Names are part of the monitoring contract: keep them stable. */
export abstract class HealthCheck {
  abstract readonly componentName: string;
  /** A check whose component is not configured is left out of every report. */
  get enabled(): boolean {
    return true;
  }
  abstract check(): Promise<ComponentHealth>;
}

/** Marks a provider as a health check so that `HealthService` discovers it. */
export const HealthComponent = DiscoveryService.createDecorator<void>();

export const healthy = (): ComponentHealth => ({ status: 'healthy', cause: null });
export const degraded = (cause: string): ComponentHealth => ({ status: 'degraded', cause });
export const unhealthy = (cause: string): ComponentHealth => ({ status: 'unhealthy', cause });

export function causeOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * A check made of one probe: healthy when the probe resolves (unless it returns another result), and
 * `failureStatus` with the error's message when it throws.
 */
export abstract class ProbeHealthCheck extends HealthCheck {
  protected readonly failureStatus: Exclude<ComponentStatus, 'healthy'> = 'unhealthy';

  protected abstract probe(): Promise<ComponentHealth | void>;

  async check(): Promise<ComponentHealth> {
    try {
      return (await this.probe()) ?? healthy();
    } catch (error) {
      return { status: this.failureStatus, cause: causeOf(error) };
    }
  }
}
