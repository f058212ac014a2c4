import { Counter, Summary, register } from 'prom-client';
import { timer } from '@app/observability';
import { NotificationMailKind } from './commands/send-event-notification/send-event-notification.command';

const KINDS: NotificationMailKind[] = ['invite', 'update', 'reply', 'cancel', 'counter'];

function counter(kind: string): Counter {
  const name = `calendar_imip_${kind}_total`;
  return (
    (register.getSingleMetric(name) as Counter | undefined) ??
    new Counter({ name, help: `iMIP ${kind} mails sent` })
  );
}

/** `calendar_imip` timer and `calendar_imip_{invite,update,reply,cancel,counter}` counters (webadmin.md §4). */
export class NotificationMetrics {
  readonly duration: Summary = timer('calendar_imip', 'Processing of iMIP notification messages');

  sent(kind: NotificationMailKind): void {
    counter(kind).inc();
  }

  /** Registers every counter at zero, so that they are exported before the first mail. */
  static register(): NotificationMetrics {
    KINDS.forEach(counter);
    return new NotificationMetrics();
  }
}
