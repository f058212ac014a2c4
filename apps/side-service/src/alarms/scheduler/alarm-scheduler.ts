import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { reasonOf } from '@app/core';
import { AlarmMetrics } from '../alarm-metrics';
import {
  DueAlarmsReport,
  ProcessDueAlarmsCommand,
} from '../commands/process-due-alarms/process-due-alarms.command';
import { ALARM_SCHEDULER_SETTINGS, AlarmSchedulerSettings } from './alarm-scheduler.settings';

const FIRST_TICK = 'alarm-scheduler:first-tick';
const TICKS = 'alarm-scheduler:ticks';

export interface TickState {
  at: Date;
  ok: boolean;
  report?: DueAlarmsReport;
  error?: string;
}

const randomUpTo = (maxMs: number) => Math.floor(Math.random() * (maxMs + 1));

/**
 * The alarm loop of events.md §4.5 on @nestjs/schedule: in `single` or `cluster` mode the first tick comes after a
 * random delay up to the jitter maximum, then one every poll interval. Ticks never overlap: a tick due while the
 * previous one still runs is dropped. Each tick ends with a random pause up to the jitter maximum (nodes started
 * together drift apart). `disabled` (the default) registers nothing.
 */
@Injectable()
export class AlarmScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlarmScheduler.name);
  private running?: Promise<void>;
  private stopped = false;
  private lastTick?: TickState;
  private droppedTicks = 0;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly commandBus: CommandBus,
    private readonly metrics: AlarmMetrics,
    @Inject(ALARM_SCHEDULER_SETTINGS) private readonly settings: AlarmSchedulerSettings,
  ) {}

  get mode(): AlarmSchedulerSettings['mode'] {
    return this.settings.mode;
  }

  /** The outcome of the last tick, if any ran. */
  get last(): TickState | undefined {
    return this.lastTick;
  }

  get dropped(): number {
    return this.droppedTicks;
  }

  onApplicationBootstrap(): void {
    if (this.settings.mode === 'disabled') {
      this.logger.log('alarm scheduler disabled (ALARM_SCHEDULER_MODE): no alarm fires on this node');
      return;
    }
    const firstDelay = randomUpTo(this.settings.initialJitterMaxMs);
    this.logger.log(
      `alarm scheduler in ${this.settings.mode} mode: first tick in ${firstDelay} ms, then every ${this.settings.pollIntervalMs} ms`,
    );
    const first = setTimeout(() => {
      this.registry.deleteTimeout(FIRST_TICK);
      if (this.stopped) return;
      this.registry.addInterval(
        TICKS,
        setInterval(() => void this.tick(), this.settings.pollIntervalMs),
      );
      void this.tick();
    }, firstDelay);
    this.registry.addTimeout(FIRST_TICK, first);
  }

  /** Runs a tick unless one is running (then it is dropped); resolves when this tick (or the running one) ends. */
  tick(): Promise<void> {
    if (this.running) {
      this.droppedTicks++;
      this.logger.debug('alarm tick dropped: the previous one is still running');
      return this.running;
    }
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const name of [FIRST_TICK, TICKS]) {
      if (this.registry.doesExist('timeout', name)) this.registry.deleteTimeout(name);
      if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    }
    await this.running;
  }

  private async run(): Promise<void> {
    const stop = this.metrics.startTick();
    const at = new Date();
    try {
      const report = await this.commandBus.execute(new ProcessDueAlarmsCommand());
      this.lastTick = { at, ok: true, report };
    } catch (error) {
      this.lastTick = { at, ok: false, error: reasonOf(error) };
      this.logger.error(`alarm tick failed: ${reasonOf(error)}`);
    } finally {
      stop();
    }
    const pause = randomUpTo(this.settings.initialJitterMaxMs);
    if (pause > 0 && !this.stopped) await new Promise((resolve) => setTimeout(resolve, pause).unref());
  }
}
