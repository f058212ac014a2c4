import { Counter, Histogram, Summary, register } from 'prom-client';
import { timer } from '@app/observability';

function counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
  return (
    (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames })
  );
}

function histogram(name: string, help: string): Histogram {
  return (
    (register.getSingleMetric(name) as Histogram | undefined) ??
    new Histogram({ name, help, buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] })
  );
}

export type AlarmSkipReason =
  'event-started' | 'alarm-emails-off' | 'already-sent' | 'not-whitelisted' | 'leased-elsewhere';

/**
 * The scheduler's figures on `/metrics`: the original's `calendar_alarm` (alarms fired) and timers
 * `calendar_alarm_tick_duration` / `calendar_alarm_duration` (webadmin.md §4), plus counters of due, sent, skipped
 * and failed alarms and a histogram of the tick duration.
 */
export class AlarmMetrics {
  readonly fired = counter(
    'calendar_alarm_total',
    'Alarms fired (mails sent and display notifications pushed)',
  );
  readonly due = counter('calendar_alarm_due_total', 'Due alarms taken by the scheduler');
  readonly sent = counter('calendar_alarm_sent_total', 'Alarms sent, by action', ['action']);
  readonly skipped = counter('calendar_alarm_skipped_total', 'Due alarms not sent, by reason', ['reason']);
  readonly failed = counter(
    'calendar_alarm_failed_total',
    'Due alarms whose processing failed (retried later)',
  );
  readonly tick: Summary = timer('calendar_alarm_tick_duration', 'Alarm scheduler ticks');
  readonly tickHistogram = histogram('calendar_alarm_tick_seconds', 'Alarm scheduler tick duration');
  readonly duration: Summary = timer('calendar_alarm_duration', 'Processing of one due alarm');

  /** Starts timing a tick; call the result when it ends. */
  startTick(): () => void {
    const stopSummary = this.tick.startTimer();
    const stopHistogram = this.tickHistogram.startTimer();
    return () => {
      stopSummary();
      stopHistogram();
    };
  }

  static register(): AlarmMetrics {
    const metrics = new AlarmMetrics();
    for (const action of ['EMAIL', 'DISPLAY']) metrics.sent.inc({ action }, 0);
    return metrics;
  }
}
