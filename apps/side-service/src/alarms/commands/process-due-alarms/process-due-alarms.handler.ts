import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { reasonOf } from '@app/core';
import { VCalendar, readEvent } from '@app/ical';
import { MailDelivery, OutgoingMail } from '@app/mail';
import { AlarmEventRepository, AlarmLeaseRepository, StoredAlarmEvent } from '@app/persistence';
import { timed } from '@app/observability';
import { MailContexts } from '../../../notifications/mails/mail-contexts';
import { MailPeople } from '../../../notifications/people/mail-people';
import { AlarmClock } from '../../alarm-clock';
import { AlarmMetrics, AlarmSkipReason } from '../../alarm-metrics';
import { DisplayAlarmFiredEvent } from '../../events/display-alarm-fired.event';
import { ALARM_TEMPLATE, alarmMail } from '../../mails/alarm.mail';
import { nextAlarm, recurrenceIdText } from '../../next-alarm/next-alarm';
import { ALARM_SCHEDULER_SETTINGS, AlarmSchedulerSettings } from '../../scheduler/alarm-scheduler.settings';
import { AlarmRecipient, AlarmSettings } from '../../settings/alarm-settings';
import { DueAlarmsReport, ProcessDueAlarmsCommand } from './process-due-alarms.command';

/** Due entries processed side by side (events.md §4.5). */
export const ALARM_CONCURRENCY = 4;
/** Due entries leased and cleaned up with one write each. */
const CHUNK = 100;

type Fired = 'sent' | AlarmSkipReason;

/** The idempotency key of a reminder: one mail per event UID, recipient and alarm time. */
export function reminderKey(entry: StoredAlarmEvent): string {
  return `alarm:${entry.eventUid}:${entry.recipient.toLowerCase()}:${entry.alarmTime.toISOString()}`;
}

async function forEachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * A tick of events.md §4.5: the entries due now (at most the batch size, earliest first), four at a time. Per entry:
 * in cluster mode a lease first (held elsewhere → skipped); an occurrence already started sends nothing; EMAIL →
 * the `event-alarm` mail unless the recipient turned alarm e-mails off, sent at most once per (UID, recipient,
 * alarm time) through the mail delivery records; DISPLAY → `DisplayAlarmFiredEvent`. Then the entry moves on to the
 * next alarm of the stored calendar for that recipient, or is deleted. A failure releases the lease: a later tick
 * retries.
 */
@CommandHandler(ProcessDueAlarmsCommand)
export class ProcessDueAlarmsHandler implements ICommandHandler<ProcessDueAlarmsCommand> {
  private readonly logger = new Logger(ProcessDueAlarmsHandler.name);

  constructor(
    private readonly entries: AlarmEventRepository,
    private readonly leases: AlarmLeaseRepository,
    private readonly settings: AlarmSettings,
    private readonly delivery: MailDelivery,
    private readonly people: MailPeople,
    private readonly contexts: MailContexts,
    private readonly eventBus: EventBus,
    private readonly clock: AlarmClock,
    private readonly metrics: AlarmMetrics,
    @Inject(ALARM_SCHEDULER_SETTINGS) private readonly scheduler: AlarmSchedulerSettings,
  ) {}

  async execute(): Promise<DueAlarmsReport> {
    const now = this.clock.now();
    const cluster = this.scheduler.mode === 'cluster';
    if (cluster)
      await this.leases
        .deleteExpired(now)
        .catch((error: unknown) => this.logger.warn(`expired alarm leases not swept: ${reasonOf(error)}`));
    const due = await this.entries.findDue(now, this.scheduler.batchSize);
    const report: DueAlarmsReport = { due: due.length, sent: 0, skipped: 0, failed: 0 };
    this.metrics.due.inc(due.length);
    // Leases and the cleanup of fired entries are written a chunk at a time (one write each), the entries of a
    // chunk processed four at a time; a chunk is small enough to be done well within the lease TTL.
    for (let start = 0; start < due.length; start += CHUNK) {
      const chunk = due.slice(start, start + CHUNK);
      const [leased, recipients] = await Promise.all([
        cluster ? this.lease(chunk, now) : chunk.map(() => true),
        this.settings.recipients(
          chunk.filter((entry) => entry.action === 'EMAIL').map((entry) => entry.recipient),
        ),
      ]);
      const done: StoredAlarmEvent[] = [];
      await forEachLimit(
        chunk.map((entry, index) => ({ entry, leased: leased[index]! })),
        ALARM_CONCURRENCY,
        async ({ entry, leased: mine }) => {
          const outcome = mine
            ? await this.process(entry, now, cluster, done, recipients.get(entry.recipient.toLowerCase()))
            : this.leasedElsewhere();
          if (outcome === 'sent') report.sent++;
          else if (outcome === 'failed') report.failed++;
          else report.skipped++;
        },
      );
      await this.entries
        .deleteManyIfUnchanged(done)
        .catch((error: unknown) =>
          this.logger.warn(`fired alarms not cleaned up (they fire again, sent once): ${reasonOf(error)}`),
        );
    }
    if (due.length > 0)
      this.logger.log(
        `alarm tick: ${report.due} due, ${report.sent} sent, ${report.skipped} skipped, ${report.failed} failed`,
      );
    return report;
  }

  /** Step 1 for a chunk: this node's leases (all `false` when the lease collection cannot be written). */
  private async lease(chunk: StoredAlarmEvent[], now: Date): Promise<boolean[]> {
    try {
      return await this.leases.acquireMany(chunk, now, this.scheduler.leaseTtlMs);
    } catch (error) {
      this.logger.error(`alarm leases not taken, retried at a later tick: ${reasonOf(error)}`);
      this.metrics.failed.inc(chunk.length);
      return chunk.map(() => false);
    }
  }

  private leasedElsewhere(): Fired {
    this.metrics.skipped.inc({ reason: 'leased-elsewhere' });
    return 'leased-elsewhere';
  }

  private async process(
    entry: StoredAlarmEvent,
    now: Date,
    cluster: boolean,
    done: StoredAlarmEvent[],
    recipient: AlarmRecipient | undefined,
  ): Promise<Fired | 'failed'> {
    // The stored calendar is parsed once for the mail and the next alarm (it is only read).
    let parsed: VCalendar | undefined;
    const calendar = () => (parsed ??= VCalendar.parse(entry.ics, 'ics'));
    try {
      const fired = await timed(this.metrics.duration, () => this.fire(entry, calendar, now, recipient));
      if (fired === 'sent') {
        this.metrics.fired.inc();
        this.metrics.sent.inc({ action: entry.action });
      } else this.metrics.skipped.inc({ reason: fired });
      this.logger.log(
        `processed alarm uid=${entry.eventUid} recipient=${entry.recipient} action=${entry.action} start=${entry.eventStartTime.toISOString()}: ${fired}`,
      );
      if (!(await this.moveOn(entry, calendar, now))) done.push(entry);
      return fired;
    } catch (error) {
      this.metrics.failed.inc();
      this.logger.error(
        `alarm of ${entry.eventUid} for ${entry.recipient} failed, retried at a later tick: ${reasonOf(error)}`,
      );
      if (cluster)
        await this.leases
          .release(entry.eventUid, entry.recipient, entry.alarmTime)
          .catch((releaseError: unknown) =>
            this.logger.warn(`alarm lease not released: ${reasonOf(releaseError)}`),
          );
      return 'failed';
    }
  }

  private async fire(
    entry: StoredAlarmEvent,
    calendar: () => VCalendar,
    now: Date,
    recipient: AlarmRecipient | undefined,
  ): Promise<Fired> {
    if (entry.eventStartTime.getTime() < now.getTime()) return 'event-started';
    if (entry.action === 'DISPLAY') {
      const event = this.eventOf(entry, calendar());
      this.eventBus.publish(
        new DisplayAlarmFiredEvent(entry.recipient, event.summary, entry.eventPath, entry.eventStartTime),
      );
      return 'sent';
    }
    const person = recipient ?? { alarmEmails: true, language: 'en' };
    if (!person.alarmEmails) return 'alarm-emails-off';
    const outcome = await this.delivery.deliver(reminderKey(entry), entry.recipient, () =>
      this.mail(entry, calendar(), person),
    );
    return outcome === 'sent' ? 'sent' : outcome;
  }

  /** The VEVENT whose RECURRENCE-ID is the entry's, else the first one (mail.md §3.6). */
  private eventOf(entry: StoredAlarmEvent, calendar: VCalendar) {
    const vevent =
      (entry.recurrenceId &&
        calendar.vevents.find((candidate) => recurrenceIdText(calendar, candidate) === entry.recurrenceId)) ||
      calendar.first;
    if (!vevent) throw new Error('the stored calendar has no VEVENT');
    return readEvent(vevent, calendar.root);
  }

  private async mail(
    entry: StoredAlarmEvent,
    calendar: VCalendar,
    recipient: AlarmRecipient,
  ): Promise<OutgoingMail> {
    const event = this.eventOf(entry, calendar);
    const from = await this.people.address(this.scheduler.sender);
    const to = recipient.name
      ? { address: entry.recipient, name: recipient.name }
      : { address: entry.recipient };
    // The mail has no date: only the language matters (English when the recipient is unresolved, mail.md §7.2).
    const language = recipient.language;
    const context = this.contexts.for(ALARM_TEMPLATE, { language, timeZone: 'UTC' });
    const rendered = alarmMail(context, {
      event,
      startsInMs: entry.eventStartTime.getTime() - entry.alarmTime.getTime(),
    });
    return { from, to, ...rendered, language };
  }

  /**
   * Step 3: the next alarm of the stored calendar for the recipient after this one (the entry is replaced; `true`),
   * else `false`: the entry is to be deleted (with the others of its chunk).
   */
  private async moveOn(entry: StoredAlarmEvent, calendar: () => VCalendar, now: Date): Promise<boolean> {
    let next;
    try {
      ({ next } = nextAlarm(calendar(), {
        user: entry.recipient,
        now,
        since: entry.alarmTime,
      }));
    } catch (error) {
      this.logger.warn(`stored calendar of ${entry.eventUid} unreadable, entry dropped: ${reasonOf(error)}`);
      next = undefined;
    }
    if (!next) return false;
    const { id: _id, ...stored } = entry;
    await this.entries.advance(entry.id, entry.alarmTime, {
      ...stored,
      alarmTime: next.alarmTime,
      eventStartTime: next.eventStartTime,
      action: next.action,
      ...(entry.recurring && next.recurrenceId
        ? { recurrenceId: next.recurrenceId }
        : { recurrenceId: undefined }),
    });
    return true;
  }
}
