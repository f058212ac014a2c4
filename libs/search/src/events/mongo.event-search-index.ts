import { Logger, OnModuleInit } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { DependencyUnavailableError, MicroBatcher } from '@app/core';
import { EventSearchDocument, EventSearchQuery, IndexedEvent, UpsertOutcome } from './event-document';
import { EventSearchIndex } from './event-search-index';
import { foldedWords, parseTextQuery } from './text-folding';

export const EVENT_SEARCH_COLLECTION = 'twake_calendar_event_search';

/** The stored document: the indexed fields plus what the queries need, folded once at write time. */
interface StoredEvent extends EventSearchDocument {
  _id: string;
  search: {
    /** Folded words of summary, description, location, names and addresses. */
    words: string[];
    /** The same words joined by one space (phrase matching). */
    text: string;
    organizer: string | null;
    attendees: string[];
  };
}

const DUPLICATE_KEY = 11000;
const MAX_BULK_ITEMS = 512;
const MAX_BULKS_IN_FLIGHT = 2;

interface PendingWrite {
  event: IndexedEvent;
  guarded: boolean;
}
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function stored({ id, document }: IndexedEvent): StoredEvent {
  const people = [document.organizer, ...document.attendees].filter(Boolean);
  const words = [
    document.summary,
    document.description,
    document.location,
    ...people.flatMap((person) => [person!.cn, person!.email]),
  ].flatMap((text) => (text ? foldedWords(text) : []));
  return {
    ...document,
    _id: id,
    search: {
      words: [...new Set(words)],
      text: words.join(' '),
      organizer: document.organizer ? document.organizer.email.toLowerCase() : null,
      attendees: document.attendees.map((attendee) => attendee.email.toLowerCase()),
    },
  };
}

/** JSON with keys sorted at every level: documents compared whatever their field order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function documentOf(event: StoredEvent): EventSearchDocument {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _id, search, ...document } = event;
  return document;
}

function unavailable(error: unknown): Error {
  const name = (error as Error)?.name ?? '';
  if (/MongoNetworkError|MongoServerSelectionError|MongoNotConnectedError/.test(name))
    return new DependencyUnavailableError('The database is unavailable', (error as Error).message);
  return error as Error;
}

/**
 * The event index without OpenSearch: a MongoDB collection (`twake_calendar_event_search`), so it survives restarts
 * and every replica sees the same documents. The sequence guard is one conditional upsert per document (a stored
 * document with an equal or higher sequence makes the insert collide on `_id`: ignored). Text matching is done on
 * folded words (see `parseTextQuery`), without relevance scoring: hits keep the spec's sort. Writes of messages processed
 * side by side are grouped into one unordered `bulkWrite`.
 */
export class MongoEventSearchIndex extends EventSearchIndex implements OnModuleInit {
  readonly kind = 'mongodb';
  private readonly logger = new Logger(MongoEventSearchIndex.name);
  private readonly collection: mongo.Collection<StoredEvent>;
  private readonly writes = new MicroBatcher<PendingWrite, UpsertOutcome>((batch) => this.writeBatch(batch), {
    maxItems: MAX_BULK_ITEMS,
    maxInFlight: MAX_BULKS_IN_FLIGHT,
  });

  constructor(db: mongo.Db, collectionName = EVENT_SEARCH_COLLECTION) {
    super();
    this.collection = db.collection<StoredEvent>(collectionName);
  }

  async onModuleInit(): Promise<void> {
    await this.collection.createIndexes([
      { key: { calendarURL: 1, eventUid: 1 }, name: 'calendarURL_eventUid' },
      { key: { baseCalendarId: 1 }, name: 'baseCalendarId' },
      { key: { calendarURL: 1, collapseRank: 1, start: -1 }, name: 'calendarURL_sort' },
    ]);
  }

  /** Writes of the messages processed at the same moment go in one unordered `bulkWrite` (at most 2 at a time). */
  upsert(events: IndexedEvent[], guarded: boolean): Promise<UpsertOutcome[]> {
    return Promise.all(events.map((event) => this.writes.submit({ event, guarded })));
  }

  private async writeBatch(batch: PendingWrite[]): Promise<(UpsertOutcome | Error)[]> {
    const operations: mongo.AnyBulkWriteOperation<StoredEvent>[] = batch.map(({ event, guarded }) => {
      const replacement = stored(event);
      const sequence = event.document.sequence;
      const filter: mongo.Filter<StoredEvent> =
        guarded && sequence !== undefined
          ? ({
              _id: event.id,
              $or: [{ sequence: null }, { sequence: { $lt: sequence } }],
            } as mongo.Filter<StoredEvent>)
          : { _id: event.id };
      return { replaceOne: { filter, replacement, upsert: true } };
    });
    const outcomes: (UpsertOutcome | Error)[] = batch.map(() => 'written');
    const collided: number[] = [];
    try {
      await this.collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      if (writeErrors === undefined) throw unavailable(error);
      const errors = (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as {
        index: number;
        code: number;
        errmsg?: string;
      }[];
      for (const failure of errors) {
        if (failure.code === DUPLICATE_KEY) collided.push(failure.index);
        else outcomes[failure.index] = new Error(`indexing refused: ${failure.errmsg}`);
      }
    }
    if (collided.length) {
      // A collision means "not replaced"; some engines (FerretDB) also report one for a replacement they made, so
      // the stored document decides: exactly the replacement → written, anything else → ignored.
      try {
        const ids = collided.map((index) => batch[index]!.event.id);
        const current = new Map(
          (await this.collection.find({ _id: { $in: ids } }).toArray()).map((event) => [
            event._id,
            canonical(event),
          ]),
        );
        for (const index of collided) {
          const event = batch[index]!.event;
          outcomes[index] = current.get(event.id) === canonical(stored(event)) ? 'written' : 'ignored';
        }
      } catch (error) {
        for (const index of collided) outcomes[index] = unavailable(error);
      }
    }
    return outcomes;
  }

  async deleteOthers(calendarURL: string, eventUid: string, keepIds: string[]): Promise<void> {
    await this.deleteMany({ calendarURL, eventUid, _id: { $nin: keepIds } });
  }

  async deleteEvent(calendarURL: string, eventUid: string): Promise<void> {
    await this.deleteMany({ calendarURL, eventUid });
  }

  async deleteHome(baseCalendarId: string): Promise<void> {
    await this.deleteMany({ baseCalendarId });
  }

  async search(query: EventSearchQuery): Promise<EventSearchDocument[]> {
    if (!query.calendarURLs.length) return [];
    const and: mongo.Filter<StoredEvent>[] = [{ calendarURL: { $in: query.calendarURLs } }];
    const text = parseTextQuery(query.text);
    for (const prefix of text.prefixes) and.push({ 'search.words': { $regex: `^${escapeRegex(prefix)}` } });
    for (const phrase of text.phrases)
      and.push({ 'search.text': { $regex: `(^| )${escapeRegex(phrase)}($| )` } });
    if (text.excluded.length) and.push({ 'search.words': { $nin: text.excluded } });
    if (query.organizers.length)
      and.push({ 'search.organizer': { $in: query.organizers.map((email) => email.toLowerCase()) } });
    if (query.attendees.length)
      and.push({ 'search.attendees': { $in: query.attendees.map((email) => email.toLowerCase()) } });
    if (query.bookingLinkId) and.push({ bookingLinkId: query.bookingLinkId });
    const found: EventSearchDocument[] = [];
    const seen = new Set<string>();
    try {
      const cursor = this.collection
        .find({ $and: and })
        .sort({ collapseRank: 1, start: -1, _id: 1 })
        .batchSize(Math.min(1000, (query.offset + query.limit) * 2));
      for await (const event of cursor) {
        if (seen.has(event.eventUid)) continue;
        seen.add(event.eventUid);
        if (seen.size > query.offset) found.push(documentOf(event));
        if (found.length >= query.limit) break;
      }
      await cursor.close();
    } catch (error) {
      throw unavailable(error);
    }
    return found;
  }

  refresh(): Promise<void> {
    return Promise.resolve();
  }

  private async deleteMany(filter: mongo.Filter<StoredEvent>): Promise<void> {
    try {
      await this.collection.deleteMany(filter);
    } catch (error) {
      this.logger.debug(`event deletion failed: ${(error as Error).message}`);
      throw unavailable(error);
    }
  }
}
