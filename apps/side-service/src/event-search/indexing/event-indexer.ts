import { Injectable } from '@nestjs/common';
import { EventSearchIndex, IndexedEvent } from '@app/search';
import { EventSearchMetrics } from './event-search-metrics';

/** At most this many documents of one message are written at once (events.md §5.5). */
const PARALLEL_DOCUMENTS = 16;

/**
 * The write rules of events.md §5.5 on top of either index adapter: sequence-guarded upserts, then, only when a
 * master document was actually written, removal of the series' other documents that the message no longer has.
 */
@Injectable()
export class EventIndexer {
  constructor(
    private readonly index: EventSearchIndex,
    readonly metrics: EventSearchMetrics,
  ) {}

  /** A created/updated message: guarded writes, then pruning of removed overrides. Never deletes before writing. */
  async indexGuarded(events: IndexedEvent[]): Promise<void> {
    const written = new Set<string>();
    for (let at = 0; at < events.length; at += PARALLEL_DOCUMENTS) {
      const slice = events.slice(at, at + PARALLEL_DOCUMENTS);
      const outcomes = await this.write(slice, true);
      slice.forEach((event, position) => outcomes[position] === 'written' && written.add(event.id));
    }
    const writtenMasters = events.filter((event) => event.id.endsWith(':master') && written.has(event.id));
    for (const master of writtenMasters) {
      const { calendarURL, eventUid } = master.document;
      const keep = events
        .filter((event) => event.document.calendarURL === calendarURL && event.document.eventUid === eventUid)
        .map((event) => event.id);
      await this.index.deleteOthers(calendarURL, eventUid, keep);
    }
  }

  /** Reindexing: plain overwrites, no sequence check, no pruning (events.md §5.8). */
  async indexUnguarded(events: IndexedEvent[]): Promise<void> {
    await this.write(events, false);
  }

  async deleteEvents(calendarURL: string, uids: string[]): Promise<void> {
    for (const uid of uids) {
      await this.index.deleteEvent(calendarURL, uid);
      this.metrics.deleted.inc();
    }
  }

  deleteHome(baseCalendarId: string): Promise<void> {
    return this.index.deleteHome(baseCalendarId);
  }

  private async write(events: IndexedEvent[], guarded: boolean) {
    try {
      const outcomes = await this.index.upsert(events, guarded);
      for (const outcome of outcomes)
        (outcome === 'written' ? this.metrics.indexed : this.metrics.ignored).inc();
      return outcomes;
    } catch (error) {
      this.metrics.failed.inc(events.length);
      throw error;
    }
  }
}
