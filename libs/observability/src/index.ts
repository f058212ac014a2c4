export * from './health/health-check';
export * from './health/health.service';
export * from './health/lifecycle.health-check';
export * from './health/health.module';
export * from './logging/logger-options';
export * from './metrics/http-metrics';
export * from './metrics/timers';
export * from './logging/redaction';
