import { SchedulerRegistry } from '@nestjs/schedule';
import type { CalendarQueueConsumersHealthCheck } from '../management/calendar-queue-consumers.health-check';
import type { ConsumerRestarter } from './consumer-restarter';
import { ConsumerWatchdog, ConsumerWatchdogOptions } from './consumer-watchdog';

/** The watchdog's schedule (the broker side, queues without consumers and the restart, is the health check's). */
describe('ConsumerWatchdog', () => {
  let registry: SchedulerRegistry;
  let missing: string[];
  let checks: number;
  let restarts: string[];
  /** When set, each check waits for `release()`. */
  let slow: boolean;
  let release: () => void;

  const watchdog = (options: Partial<ConsumerWatchdogOptions> = {}) =>
    new ConsumerWatchdog(
      { enabled: true, startDelayMs: 30_000, intervalMs: 60_000, ...options },
      {
        queuesWithoutConsumer: async () => {
          checks++;
          if (slow) await new Promise<void>((resolve) => (release = resolve));
          return missing;
        },
      } as unknown as CalendarQueueConsumersHealthCheck,
      { restartAll: async (reason: string) => void restarts.push(reason) } as unknown as ConsumerRestarter,
      registry,
    );

  beforeEach(() => {
    jest.useFakeTimers();
    registry = new SchedulerRegistry();
    missing = [];
    checks = 0;
    restarts = [];
    slow = false;
  });
  afterEach(() => jest.useRealTimers());

  it('checks after the start delay, then every interval, and restarts the consumers when a queue has none', async () => {
    const dog = watchdog();
    dog.onApplicationBootstrap();
    expect(registry.getTimeouts()).toContain('amqp-consumer-watchdog:start');

    await jest.advanceTimersByTimeAsync(29_999);
    expect(checks).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(checks).toBe(1);
    expect(restarts).toEqual([]);
    expect(registry.getTimeouts()).toEqual([]);
    expect(registry.getIntervals()).toEqual(['amqp-consumer-watchdog:checks']);

    missing = ['tcalendar:event:alarm:created'];
    await jest.advanceTimersByTimeAsync(60_000);
    expect(checks).toBe(2);
    expect(restarts).toEqual(['no consumer on tcalendar:event:alarm:created']);

    await dog.onApplicationShutdown();
    expect(registry.getIntervals()).toEqual([]);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(checks).toBe(2);
  });

  it('skips a check due while the previous one still runs', async () => {
    const dog = watchdog({ startDelayMs: 10, intervalMs: 100 });
    slow = true;
    dog.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(checks).toBe(1);
    await jest.advanceTimersByTimeAsync(500);
    expect(checks).toBe(1);
    release();
    await jest.advanceTimersByTimeAsync(100);
    expect(checks).toBe(2);
    release();
    await dog.onApplicationShutdown();
  });

  it('registers nothing when disabled, and a shutdown before the start delay cancels it', async () => {
    watchdog({ enabled: false }).onApplicationBootstrap();
    expect(registry.getTimeouts()).toEqual([]);

    const dog = watchdog();
    dog.onApplicationBootstrap();
    await dog.onApplicationShutdown();
    expect(registry.getTimeouts()).toEqual([]);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(checks).toBe(0);
    expect(registry.getIntervals()).toEqual([]);
  });
});
