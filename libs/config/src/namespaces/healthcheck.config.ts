import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsDurationText } from '../env-validators';
import { readDurationMs, readList } from '../env-readers';

class HealthcheckEnv {
  @IsOptional() @IsDurationText('ms', { positive: true }) HEALTHCHECK_PERIOD?: string;
  @IsOptional() HEALTHCHECK_ADDITIONAL?: string;
}

export interface HealthcheckConfig {
  periodMs: number;
  additional: string[];
}

export const healthcheckConfig = defineConfig('healthcheck', HealthcheckEnv, (env): HealthcheckConfig => ({
  periodMs: Math.max(10_000, readDurationMs(env, 'HEALTHCHECK_PERIOD', 'ms', 60_000)),
  additional: readList(env, 'HEALTHCHECK_ADDITIONAL'),
}));
