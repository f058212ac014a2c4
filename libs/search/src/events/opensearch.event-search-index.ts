import { Logger } from '@nestjs/common';
import type { Client } from '@opensearch-project/opensearch';
import type { OpensearchConfig } from '@app/config';
import { DependencyUnavailableError, MicroBatcher } from '@app/core';
import { EventSearchDocument, EventSearchQuery, IndexedEvent, UpsertOutcome } from './event-document';
import { EventSearchIndex } from './event-search-index';
import { eventIndexMapping, eventIndexSettings } from './opensearch.event-index-definition';
import { eventSearchBody } from './opensearch.event-query';

/** Replaces the stored source only when it has no sequence or a strictly lower one (events.md §5.5). */
const SEQUENCE_GUARD =
  'if (ctx._source.sequence == null || params.doc.sequence > ctx._source.sequence) ' +
  '{ ctx._source.clear(); ctx._source.putAll(params.doc); } else { ctx.op = "none"; }';

/** Bulk requests carry the writes of every message being processed at that moment, at most this many items. */
const MAX_BULK_ITEMS = 512;
const MAX_BULKS_IN_FLIGHT = 2;
const DELETE_ATTEMPTS = 3;
/** Messages whose removed overrides are pruned by one delete-by-query (below OpenSearch's 1,024 boolean clauses). */
const MAX_PRUNED_PER_QUERY = 200;

/** Modules every OpenSearch distribution ships and the index needs: analysis (§5.2), scripts (§5.5), delete-by-query. */
export const REQUIRED_OPENSEARCH_MODULES = ['analysis-common', 'lang-painless', 'reindex'];

/** The required modules the cluster's nodes lack (the minimal integ-test distribution has none of them). */
export async function missingOpensearchModules(client: Client): Promise<string[]> {
  const { body } = await client.nodes.info({ metric: ['plugins'] });
  const nodes = Object.values((body.nodes ?? {}) as Record<string, { modules?: { name: string }[] }>);
  const present = new Set(nodes.flatMap((node) => (node.modules ?? []).map((module) => module.name)));
  return REQUIRED_OPENSEARCH_MODULES.filter((name) => !present.has(name));
}

interface BulkItem {
  action: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** The documents of one series that a message no longer has: its clause of a pruning delete-by-query. */
interface PruneItem {
  clause: Record<string, unknown>;
  /** The home id of the event (the routing of its documents). */
  routing: string;
}

interface BulkResponseItem {
  result?: string;
  status?: number;
  error?: { type?: string; reason?: string };
}

function unavailable(error: unknown): Error {
  const name = (error as Error)?.name ?? '';
  if (/ConnectionError|TimeoutError|NoLivingConnections/.test(name))
    return new DependencyUnavailableError('The search engine is unavailable', (error as Error).message);
  return error as Error;
}

/**
 * The event index on OpenSearch (events.md §5): index and aliases created at start-up with the spec's analysis and
 * mapping, writes through the write alias (routing = home id), searches through the read alias. Writes of messages
 * processed side by side are grouped into `_bulk` requests (each item keeps its own sequence guard and outcome).
 */
export class OpensearchEventSearchIndex extends EventSearchIndex {
  readonly kind = 'opensearch';
  private readonly logger = new Logger(OpensearchEventSearchIndex.name);
  private readonly config: OpensearchConfig['events'];
  private readonly writes = new MicroBatcher<BulkItem, UpsertOutcome>((batch) => this.send(batch), {
    maxItems: MAX_BULK_ITEMS,
    maxInFlight: MAX_BULKS_IN_FLIGHT,
  });
  /**
   * The pruning of the messages being processed goes out as one delete-by-query (each message's clause ORed,
   * routed to their homes); those that arrive meanwhile wait for the next one. Each message of a recurring series
   * otherwise cost two refreshes of the index (single events prune nothing).
   */
  private readonly prunes = new MicroBatcher<PruneItem, void>((batch) => this.prune(batch), {
    maxItems: MAX_PRUNED_PER_QUERY,
    maxInFlight: 1,
  });

  constructor(
    private readonly client: Client,
    private readonly settings: OpensearchConfig,
  ) {
    super();
    this.config = settings.events;
  }

  /**
   * The index is prepared by the first write or search (and prepared again by the next one after a failure), not at
   * boot: an idle service does not load the OpenSearch driver (issue 17, idle memory).
   */
  private ready?: Promise<void>;

  private async whenReady(): Promise<void> {
    try {
      await (this.ready ??= this.ensureIndex());
    } catch {
      this.ready = this.ensureIndex();
      try {
        await this.ready;
      } catch (error) {
        throw new DependencyUnavailableError('The event index is not ready', (error as Error).message);
      }
    }
  }

  /** Creates the index with both aliases when the write alias does not exist yet (concurrent creations tolerated). */
  async ensureIndex(): Promise<void> {
    const { index, readAlias, writeAlias } = this.config;
    const missing = await missingOpensearchModules(this.client);
    if (missing.length) throw new Error(`OpenSearch lacks the module(s) ${missing.join(', ')}`);
    const exists = await this.client.indices.existsAlias({ name: writeAlias });
    if (exists.body) return;
    const indexExists = await this.client.indices.exists({ index });
    if (!indexExists.body) {
      try {
        const body = {
          settings: eventIndexSettings(this.config, this.settings.shards, this.settings.replicas),
          mappings: eventIndexMapping(this.config),
          aliases: { [readAlias]: {}, [writeAlias]: { is_write_index: true } },
        };
        // The client's request types are narrower than the plain JSON written here.
        await this.client.indices.create({ index, body } as Parameters<Client['indices']['create']>[0]);
        this.logger.log(`event index ${index} created with aliases ${readAlias}, ${writeAlias}`);
        return;
      } catch (error) {
        if (!String((error as Error).message).includes('resource_already_exists_exception')) throw error;
      }
    }
    await this.client.indices.updateAliases({
      body: {
        actions: [
          { add: { index, alias: readAlias } },
          { add: { index, alias: writeAlias, is_write_index: true } },
        ],
      },
    });
  }

  async upsert(events: IndexedEvent[], guarded: boolean): Promise<UpsertOutcome[]> {
    await this.whenReady();
    return Promise.all(
      events.map(({ id, document }) => {
        const target = { _index: this.config.writeAlias, _id: id, routing: document.baseCalendarId };
        return this.writes.submit(
          guarded && document.sequence !== undefined
            ? {
                action: { update: { ...target, retry_on_conflict: 3 } },
                body: {
                  script: { lang: 'painless', source: SEQUENCE_GUARD, params: { doc: document } },
                  upsert: document,
                },
              }
            : { action: { index: target }, body: document as unknown as Record<string, unknown> },
        );
      }),
    );
  }

  async deleteOthers(calendarURL: string, eventUid: string, keepIds: string[]): Promise<void> {
    await this.prunes.submit({
      clause: {
        bool: {
          must: [{ term: { calendarURL } }, { term: { eventUid } }],
          must_not: [{ ids: { values: keepIds } }],
        },
      },
      routing: homeOf(calendarURL),
    });
  }

  private async prune(batch: PruneItem[]): Promise<void[]> {
    const routing = [...new Set(batch.map((item) => item.routing))].join(',');
    const query =
      batch.length === 1
        ? batch[0]!.clause
        : { bool: { should: batch.map((item) => item.clause), minimum_should_match: 1 } };
    await this.deleteByQuery(query, routing);
    return batch.map(() => undefined);
  }

  async deleteEvent(calendarURL: string, eventUid: string): Promise<void> {
    await this.deleteByQuery(
      { bool: { must: [{ term: { calendarURL } }, { term: { eventUid } }] } },
      homeOf(calendarURL),
    );
  }

  async deleteHome(baseCalendarId: string): Promise<void> {
    await this.deleteByQuery({ term: { baseCalendarId } }, baseCalendarId);
  }

  async search(query: EventSearchQuery): Promise<EventSearchDocument[]> {
    if (!query.calendarURLs.length) return [];
    await this.whenReady();
    try {
      const { body } = await this.client.search({
        index: this.config.readAlias,
        body: eventSearchBody(query, this.config),
      });
      const hits = (body.hits?.hits ?? []) as { _source?: EventSearchDocument }[];
      return hits.flatMap((hit) => (hit._source ? [hit._source] : []));
    } catch (error) {
      throw unavailable(error);
    }
  }

  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.config.writeAlias });
  }

  /**
   * Delete-by-query on the write alias with the home id as routing, `conflicts=proceed`, `refresh=true`, run again
   * (at most 3 times) while conflicts are reported. Recent writes are made visible first so they are deleted too.
   */
  private async deleteByQuery(query: Record<string, unknown>, routing: string): Promise<void> {
    await this.whenReady();
    try {
      await this.refresh();
      for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
        const { body } = await this.client.deleteByQuery({
          index: this.config.writeAlias,
          routing,
          conflicts: 'proceed',
          refresh: true,
          body: { query },
        });
        if (!(Number((body as { version_conflicts?: number }).version_conflicts) > 0)) return;
      }
    } catch (error) {
      throw unavailable(error);
    }
  }

  private async send(batch: BulkItem[]): Promise<(UpsertOutcome | Error)[]> {
    let items: Record<string, BulkResponseItem>[];
    try {
      const { body } = await this.client.bulk({ body: batch.flatMap((item) => [item.action, item.body]) });
      items = body.items as Record<string, BulkResponseItem>[];
    } catch (error) {
      throw unavailable(error);
    }
    return batch.map((_item, position) => {
      const result = Object.values(items[position] ?? {})[0];
      if (!result) return new Error('the bulk answer has no item for this document');
      if (result.error)
        return new Error(`indexing refused (${result.status}): ${result.error.type}: ${result.error.reason}`);
      return result.result === 'noop' ? 'ignored' : 'written';
    });
  }
}

const homeOf = (calendarURL: string) => calendarURL.split('/')[0]!;
