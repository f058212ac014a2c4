import { EventSearchDocument, EventSearchQuery, IndexedEvent, UpsertOutcome } from './event-document';

/**
 * Port: the event search index (events.md §5). Two adapters: OpenSearch (`OPENSEARCH_HOSTS` set) and MongoDB
 * (persisted, shared by every replica). Both honour the same contract; only the relevance of text matches differs
 * (see the README).
 */
export abstract class EventSearchIndex {
  /** Which adapter, for logs and the README's comparison. */
  abstract readonly kind: 'opensearch' | 'mongodb';

  /**
   * Writes documents, side by side. `guarded`: a document carrying `sequence` replaces the stored one only when the
   * stored one has no sequence or a strictly lower one (otherwise `ignored`); without `sequence`, or unguarded, a
   * plain overwrite. One outcome per document, in order.
   */
  abstract upsert(events: IndexedEvent[], guarded: boolean): Promise<UpsertOutcome[]>;

  /** Deletes the documents of `eventUid` in `calendarURL` except `keepIds` (overrides removed from a series). */
  abstract deleteOthers(calendarURL: string, eventUid: string, keepIds: string[]): Promise<void>;

  /** Deletes every document of `eventUid` in `calendarURL`. */
  abstract deleteEvent(calendarURL: string, eventUid: string): Promise<void>;

  /** Deletes every document of a calendar home (user or resource removal, reindexing). */
  abstract deleteHome(baseCalendarId: string): Promise<void>;

  /** Hits sorted by `collapseRank` then `start` descending, one per UID, after `offset`, at most `limit`. */
  abstract search(query: EventSearchQuery): Promise<EventSearchDocument[]>;

  /** Makes every write so far visible to searches (tests, benchmarks). */
  abstract refresh(): Promise<void>;
}
