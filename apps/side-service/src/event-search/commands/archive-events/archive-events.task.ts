import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { forEachBounded, reasonOf } from '@app/core';
import { CalendarQueryFilter, DavCalendarsClient, DavClient, DavIdentity, DavPaths } from '@app/dav-client';
import { VCalendar, partstatOf } from '@app/ical';
import { User, UserRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../../../tasks/task';
import { Throttle } from '../../tasks/throttle';
import { ArchiveCriteria } from './archive-criteria';

export const ARCHIVE_TASK_TYPE = 'calendar-archival';
export const ARCHIVAL_CALENDAR_NAME = 'Archival';
const ARCHIVAL_COLOR = '#8E8E93';
const ARCHIVAL_DESCRIPTION = 'Archived events';
/** All-users runs handle this many users side by side. */
const PARALLEL_USERS = 16;

/** The calendar-query filters of the criteria (dav.md §6.2). */
export function archiveFilters(criteria: ArchiveCriteria, email: string): CalendarQueryFilter[] {
  const filters: CalendarQueryFilter[] = [];
  if (criteria.createdBefore)
    filters.push({ kind: 'before', property: 'DTSTAMP', end: criteria.createdBefore });
  if (criteria.lastModifiedBefore)
    filters.push({ kind: 'before', property: 'LAST-MODIFIED', end: criteria.lastModifiedBefore });
  if (criteria.masterDtStartBefore)
    filters.push({ kind: 'before', property: 'DTSTART', end: criteria.masterDtStartBefore });
  if (criteria.rejectedOnly) filters.push({ kind: 'declinedBy', email });
  if (criteria.isNotRecurring) filters.push({ kind: 'notRecurring' });
  return filters;
}

/**
 * Task `calendar-archival` (webadmin.md §7.3): for each user (one, or all of them 16 at a time), the objects of the
 * default calendar matching the criteria are copied into the user's personal calendar `Archival` (created when
 * missing) with `?import` under the same name, then deleted from the source. Paced to `eventsPerSecond` objects.
 */
export class ArchiveEventsTask implements Task {
  readonly type = ARCHIVE_TASK_TYPE;
  private readonly logger = new Logger(ArchiveEventsTask.name);
  private archived = 0;
  private failed = 0;
  private readonly throttle: Throttle;

  constructor(
    private readonly criteria: ArchiveCriteria,
    private readonly eventsPerSecond: number,
    private readonly target: User | undefined,
    private readonly users: UserRepository,
    private readonly calendars: DavCalendarsClient,
    private readonly dav: DavClient,
  ) {
    this.throttle = new Throttle(eventsPerSecond);
  }

  async run(signal: AbortSignal): Promise<TaskResult> {
    const users = this.target ? [this.target] : await this.users.list();
    await forEachBounded(
      users,
      this.target ? 1 : PARALLEL_USERS,
      async (user) => {
        try {
          await this.archiveUser(user, signal);
        } catch (error) {
          this.failed++;
          this.logger.warn(`${this.type}: events of ${user.email} not archived: ${reasonOf(error)}`);
        }
      },
      signal,
    );
    return this.failed === 0 ? 'completed' : 'partial';
  }

  information(): TaskInformation {
    const instant = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null);
    return {
      archivedEventCount: this.archived,
      failedEventCount: this.failed,
      targetUser: this.target?.email ?? null,
      criteria: {
        createdBefore: instant(this.criteria.createdBefore),
        lastModifiedBefore: instant(this.criteria.lastModifiedBefore),
        masterDtStartBefore: instant(this.criteria.masterDtStartBefore),
        rejectedOnly: this.criteria.rejectedOnly,
        isNotRecurring: this.criteria.isNotRecurring,
      },
      runningOptions: { eventsPerSecond: this.eventsPerSecond },
    };
  }

  private async archiveUser(user: User, signal: AbortSignal): Promise<void> {
    const identity = DavIdentity.user(user.email);
    const filters = archiveFilters(this.criteria, user.email);
    let archivalId: string | undefined;
    for await (const object of this.calendars.calendarQuery(identity, user.id, user.id, filters, signal)) {
      if (signal.aborted) return;
      try {
        if (
          this.criteria.rejectedOnly &&
          !this.criteria.isNotRecurring &&
          !declinedEverywhere(object.ics, user.email)
        )
          continue;
        await this.throttle.take(signal);
        archivalId ??= await this.archivalCalendar(identity, user.id);
        const copied = await this.dav.importCalendarObject(
          identity,
          user.id,
          archivalId,
          object.objectName,
          object.ics,
        );
        if (!copied.ok) throw new Error(`copy answered ${copied.status}`);
        await this.calendars.deleteObject(
          identity,
          DavPaths.calendarObject(user.id, user.id, object.objectName),
        );
        this.archived++;
      } catch (error) {
        this.failed++;
        this.logger.warn(`${this.type}: ${object.href} not archived: ${reasonOf(error)}`);
      }
    }
  }

  /** The user's personal calendar named `Archival`, created when missing. */
  private async archivalCalendar(identity: DavIdentity, userId: string): Promise<string> {
    const personal = await this.calendars.listCalendars(identity, userId, 'personal=true');
    const found = personal.find(
      (calendar) => calendar.kind === 'personal' && calendar.json['dav:name'] === ARCHIVAL_CALENDAR_NAME,
    );
    if (found) return found.calendarId;
    const id = randomUUID();
    await this.calendars.createCalendar(identity, userId, {
      id,
      name: ARCHIVAL_CALENDAR_NAME,
      color: ARCHIVAL_COLOR,
      description: ARCHIVAL_DESCRIPTION,
    });
    return id;
  }
}

/** Every VEVENT of the object is declined by the user (archive with `isRejected` on recurring events). */
function declinedEverywhere(ics: string, email: string): boolean {
  const calendar = VCalendar.parse(ics, 'calendar-data');
  const vevents = calendar.vevents;
  return vevents.length > 0 && vevents.every((vevent) => partstatOf(vevent, email) === 'DECLINED');
}
