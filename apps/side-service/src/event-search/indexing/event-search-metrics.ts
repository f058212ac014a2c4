import { Counter, register } from 'prom-client';

function counter(name: string, help: string): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help });
}

/**
 * Event index counters, exported at zero from start-up: `calendar_event_search_indexed_documents_total` (written),
 * `…_ignored_documents_total` (stale sequence), `…_failed_documents_total` (refused or unreadable),
 * `…_deleted_events_total` (UIDs deleted).
 */
export class EventSearchMetrics {
  readonly indexed = counter(
    'calendar_event_search_indexed_documents_total',
    'Event documents written to the search index',
  );
  readonly ignored = counter(
    'calendar_event_search_ignored_documents_total',
    'Event documents not written because the stored sequence is not lower',
  );
  readonly failed = counter(
    'calendar_event_search_failed_documents_total',
    'Event documents or messages that could not be indexed',
  );
  readonly deleted = counter(
    'calendar_event_search_deleted_events_total',
    'Event UIDs removed from the search index',
  );
}
