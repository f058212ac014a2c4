import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsDurationText, IsIntText, IsOneOfText } from '../env-validators';
import { readDurationMs, readInt } from '../env-readers';

/** `single`: this node fires every due alarm; `cluster`: nodes share the work through leases; `disabled`: none. */
export type AlarmSchedulerMode = 'single' | 'cluster' | 'disabled';

const MODES: Record<string, AlarmSchedulerMode> = {
  single: 'single',
  cluster: 'cluster',
  distributed: 'cluster',
  multi: 'cluster',
  disabled: 'disabled',
};

class AlarmsEnv {
  @IsOptional() @IsOneOfText(Object.keys(MODES), true) ALARM_SCHEDULER_MODE?: string;
  @IsOptional() @IsDurationText('s', { positive: true }) ALARM_SCHEDULER_POLL_INTERVAL?: string;
  @IsOptional() @IsIntText(1, 1_000_000) ALARM_SCHEDULER_BATCH_SIZE?: string;
  @IsOptional() @IsDurationText('s', { positive: true }) ALARM_SCHEDULER_INITIAL_JITTER_MAX?: string;
  @IsOptional() @IsDurationText('s', { positive: true }) ALARM_SCHEDULER_LEASE_TTL?: string;
}

/** The alarm scheduler (events.md §4.5, config.md §2 and §9). */
export interface AlarmsConfig {
  mode: AlarmSchedulerMode;
  pollIntervalMs: number;
  batchSize: number;
  /** Longest random pause before the first tick and after each tick. */
  initialJitterMaxMs: number;
  /** Lifetime of a lease in cluster mode. */
  leaseTtlMs: number;
}

export const alarmsConfig = defineConfig('alarms', AlarmsEnv, (env): AlarmsConfig => ({
  mode: MODES[(env.ALARM_SCHEDULER_MODE ?? 'disabled').trim().toLowerCase()] ?? 'disabled',
  pollIntervalMs: readDurationMs(env, 'ALARM_SCHEDULER_POLL_INTERVAL', 's', 60_000),
  batchSize: readInt(env, 'ALARM_SCHEDULER_BATCH_SIZE', 1000),
  initialJitterMaxMs: readDurationMs(env, 'ALARM_SCHEDULER_INITIAL_JITTER_MAX', 's', 30_000),
  leaseTtlMs: readDurationMs(env, 'ALARM_SCHEDULER_LEASE_TTL', 's', 60_000),
}));
