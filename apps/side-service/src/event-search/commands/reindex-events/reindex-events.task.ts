import { Logger } from '@nestjs/common';
import { forEachBounded, reasonOf } from '@app/core';
import { DavCalendarsClient, DavIdentity } from '@app/dav-client';
import { VCalendar } from '@app/ical';
import { DomainRepository, ResourceRepository, UserRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../../../tasks/task';
import { eventDocumentsOf } from '../../indexing/event-documents';
import { EventIndexer } from '../../indexing/event-indexer';
import { Throttle } from '../../tasks/throttle';

export const REINDEX_TASK_TYPE = 'reindex-calendar-events';

export interface ReindexOptions {
  eventsPerSecond: number;
  calendarsConcurrency: number;
}

/**
 * Task `reindex-calendar-events` (webadmin.md §7.1, events.md §5.8). For each registered user in turn: its documents
 * are deleted, its personal calendars listed, each read with a calendar-query REPORT (`calendarsConcurrency` at a
 * time) and every VEVENT written without sequence check or pruning. Then every resource: its documents deleted and,
 * unless deleted, its default calendar indexed with the domain's technical token. Writes are paced to
 * `eventsPerSecond` objects; any failure ends the task `failed` with the counters kept.
 */
export class ReindexEventsTask implements Task {
  readonly type = REINDEX_TASK_TYPE;
  private readonly logger = new Logger(ReindexEventsTask.name);
  private processed = 0;
  private failed = 0;
  private readonly throttle: Throttle;

  constructor(
    private readonly options: ReindexOptions,
    private readonly repositories: {
      users: UserRepository;
      domains: DomainRepository;
      resources: ResourceRepository;
    },
    private readonly calendars: DavCalendarsClient,
    private readonly indexer: EventIndexer,
  ) {
    this.throttle = new Throttle(options.eventsPerSecond);
  }

  async run(signal: AbortSignal): Promise<TaskResult> {
    for (const user of await this.repositories.users.list()) {
      if (signal.aborted) break;
      await this.guarded(`user ${user.email}`, async () => {
        await this.indexer.deleteHome(user.id);
        const identity = DavIdentity.user(user.email);
        const personal = await this.calendars.listCalendars(identity, user.id, 'personal=true');
        await forEachBounded(
          personal.filter((calendar) => calendar.kind === 'personal' && calendar.homeId === user.id),
          this.options.calendarsConcurrency,
          (calendar) =>
            this.guarded(`calendar ${calendar.path}`, () =>
              this.indexCalendar(identity, calendar.homeId, calendar.calendarId, signal),
            ),
          signal,
        );
      });
    }
    for (const domain of await this.repositories.domains.list()) {
      if (signal.aborted) break;
      for (const resource of await this.repositories.resources.listByDomain(domain.id)) {
        if (signal.aborted) break;
        await this.guarded(`resource ${resource.id}`, async () => {
          await this.indexer.deleteHome(resource.id);
          if (!resource.deleted)
            await this.indexCalendar(
              DavIdentity.technical(resource.domainId),
              resource.id,
              resource.id,
              signal,
            );
        });
      }
    }
    return this.failed === 0 ? 'completed' : 'partial';
  }

  information(): TaskInformation {
    return {
      processedEventCount: this.processed,
      failedEventCount: this.failed,
      runningOptions: {
        eventsPerSecond: this.options.eventsPerSecond,
        calendarsConcurrency: this.options.calendarsConcurrency,
      },
    };
  }

  private async indexCalendar(
    identity: DavIdentity,
    homeId: string,
    calendarId: string,
    signal: AbortSignal,
  ): Promise<void> {
    for await (const object of this.calendars.calendarQuery(identity, homeId, calendarId, [], signal)) {
      if (signal.aborted) return;
      await this.throttle.take(signal);
      try {
        const documents = eventDocumentsOf(VCalendar.parse(object.ics, object.href), {
          homeId,
          calendarUri: calendarId,
          resourceName: object.href.split('/').pop()!,
        });
        await this.indexer.indexUnguarded(documents);
        this.processed++;
      } catch (error) {
        this.failed++;
        this.logger.warn(`${this.type}: ${object.href} not indexed: ${reasonOf(error)}`);
      }
    }
  }

  /** A user, calendar or resource that could not be read counts as a failure; the task goes on. */
  private async guarded(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.failed++;
      this.logger.warn(`${this.type}: ${what} not reindexed: ${reasonOf(error)}`);
    }
  }
}
