import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { IndexCalendarEventHandler } from './commands/index-calendar-event/index-calendar-event.handler';
import {
  PurgeCalendarHomeHandler,
  PurgeDeletedResourceHandler,
} from './commands/purge-calendar-home/purge-calendar-home.handler';
import { RemoveCalendarEventHandler } from './commands/remove-calendar-event/remove-calendar-event.handler';
import { ArchiveEventsHandler } from './commands/archive-events/archive-events.handler';
import { ReindexEventsHandler } from './commands/reindex-events/reindex-events.handler';
import { EventSearchConsumer } from './consumers/event-search.consumer';
import { EventIndexer } from './indexing/event-indexer';
import { EventSearchMetrics } from './indexing/event-search-metrics';
import { SearchEventsController } from './queries/search-events/search-events.http.controller';
import { SearchEventsHandler } from './queries/search-events/search-events.handler';
import { SearchableCalendars } from './searchable-calendars';

const commandHandlers = [
  IndexCalendarEventHandler,
  RemoveCalendarEventHandler,
  PurgeCalendarHomeHandler,
  ReindexEventsHandler,
  ArchiveEventsHandler,
];

/**
 * Event search (events.md §5): the index fed by `tcalendar:event:*:search`, `POST /calendar/api/events/search`, and
 * the webadmin `reindex` and `archive` tasks. The index is OpenSearch or MongoDB (`@app/search`).
 */
@Module({
  imports: [TasksModule],
  controllers: [SearchEventsController],
  providers: [
    ...commandHandlers,
    PurgeDeletedResourceHandler,
    SearchEventsHandler,
    EventSearchConsumer,
    EventIndexer,
    SearchableCalendars,
    { provide: EventSearchMetrics, useFactory: () => new EventSearchMetrics() },
  ],
  exports: [EventIndexer],
})
export class EventSearchModule {}
