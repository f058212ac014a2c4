import { Logger } from '@nestjs/common';
import { reasonOf } from '@app/core';
import { DavCalendarsClient, DavIdentity, ListedCalendar } from '@app/dav-client';
import { VCalendar } from '@app/ical';
import type { AlarmEventRepository, User, UserRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../../../tasks/task';
import { alarmEntries, eventUidOf } from '../../next-alarm/alarm-entries';
import { nextAlarm } from '../../next-alarm/next-alarm';

/** Users handled side by side (webadmin.md §7.2). */
const USER_CONCURRENCY = 16;

/** Spaces calls out so that at most `perSecond` start in any second (shared by all workers of the task). */
class Throttle {
  private next = 0;

  constructor(private readonly perSecond: number) {}

  async take(signal: AbortSignal): Promise<void> {
    const interval = 1000 / this.perSecond;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + interval;
    if (at > now && !signal.aborted) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}

/**
 * Task `schedule-alarms` (events.md §4.7, webadmin.md §7.2): for every registered user (16 at a time), every listed
 * calendar and every event in it, the next alarm for that user; each resulting entry is created only when none
 * exists for its UID and recipient (no settings nor whitelist check). Throttled to `eventsPerSecond` events; any
 * failure (user, calendar or event) makes the task end `failed` with its counters.
 */
export class RescheduleAlarmsTask implements Task {
  readonly type = 'schedule-alarms';
  private readonly logger = new Logger(RescheduleAlarmsTask.name);
  private processed = 0;
  private failed = 0;
  private otherFailures = 0;

  constructor(
    private readonly users: UserRepository,
    private readonly dav: DavCalendarsClient,
    private readonly entries: AlarmEventRepository,
    private readonly now: () => Date,
    private readonly eventsPerSecond: number,
  ) {}

  async run(signal: AbortSignal): Promise<TaskResult> {
    const users = await this.users.list();
    const throttle = new Throttle(this.eventsPerSecond);
    let next = 0;
    const worker = async () => {
      while (next < users.length && !signal.aborted) await this.user(users[next++]!, throttle, signal);
    };
    await Promise.all(Array.from({ length: Math.min(USER_CONCURRENCY, users.length) }, worker));
    return this.failed === 0 && this.otherFailures === 0 ? 'completed' : 'partial';
  }

  information(): TaskInformation {
    return {
      processedEventCount: this.processed,
      failedEventCount: this.failed,
      runningOptions: { eventsPerSecond: this.eventsPerSecond },
    };
  }

  private async user(user: User, throttle: Throttle, signal: AbortSignal): Promise<void> {
    const identity = DavIdentity.user(user.email);
    let calendars: ListedCalendar[];
    try {
      calendars = await this.dav.listCalendars(identity, user.id);
    } catch (error) {
      this.otherFailures++;
      this.logger.warn(`calendars of ${user.email} not listed: ${reasonOf(error)}`);
      return;
    }
    for (const calendar of calendars) {
      if (signal.aborted) return;
      try {
        for await (const object of this.dav.calendarQuery(
          identity,
          calendar.homeId,
          calendar.calendarId,
          [],
          signal,
        )) {
          if (signal.aborted) return;
          await throttle.take(signal);
          try {
            await this.event(user, object.href, object.ics);
            this.processed++;
          } catch (error) {
            this.failed++;
            this.logger.warn(`alarm of ${object.href} not scheduled: ${reasonOf(error)}`);
          }
        }
      } catch (error) {
        this.otherFailures++;
        this.logger.warn(`events of ${calendar.path} not read: ${reasonOf(error)}`);
      }
    }
  }

  private async event(user: User, href: string, ics: string): Promise<void> {
    const calendar = VCalendar.parse(ics, href);
    const eventUid = eventUidOf(calendar);
    if (!eventUid) throw new Error(`${href} has no VEVENT with a UID`);
    const { next } = nextAlarm(calendar, { user: user.email, now: this.now() });
    if (!next) return;
    const eventPath = href.replace(/\/+$/, '');
    for (const entry of alarmEntries(next, {
      calendar,
      eventUid,
      eventPath,
      owner: user.email,
      allows: () => true,
    }))
      await this.entries.insertIfAbsent(entry);
  }
}
