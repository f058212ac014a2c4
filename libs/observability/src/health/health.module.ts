import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import type { AllConfig } from '@app/config';
import { HEALTH_OPTIONS, HealthService } from './health.service';
import { LifecycleHealthCheck } from './lifecycle.health-check';

@Global()
@Module({
  // The background run's interval lives in the SchedulerRegistry (global; one registry however often imported).
  imports: [DiscoveryModule, ScheduleModule.forRoot()],
  providers: [
    {
      provide: HEALTH_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => ({
        checkTimeoutMs: 5_000,
        periodMs: config.get('healthcheck', { infer: true }).periodMs,
      }),
    },
    HealthService,
    LifecycleHealthCheck,
  ],
  exports: [HealthService],
})
export class HealthModule {}
