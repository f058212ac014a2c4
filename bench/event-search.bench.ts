/**
 * Event search: (1) documents indexed per second from the broker to searchable — N `calendar:event:created`
 * messages published on the broker, consumed by the service (contract, VEVENT → document, sequence-guarded write
 * through the event index port) until every document is found — against OpenSearch's own `_bulk` rate for the very
 * same documents (batches of 500, then refresh, until searchable), in the same run; goal ratio ≥ 0.5. Beside it,
 * the service against its own write path without the broker (the same adapter, the same guarded upserts, 16
 * documents per `_bulk` as the consumer's prefetch allows, two writers) and that `_bulk`'s latency: what the
 * broker and the consumer add, and what OpenSearch's per-request latency leaves at the spec's prefetch.
 * (2) `POST /calendar/api/events/search` latency, p50 and p99, with 100,000 indexed events (1,000 calendars of 100),
 * text, phrase, organizer and empty queries on the caller's default calendar.
 *
 * The service's index is OpenSearch when the stack's OpenSearch has the analysis, script and delete-by-query modules
 * (every real distribution does), else MongoDB (the minimal integ-test distribution of the stack has none of them):
 * the row says which.
 *
 *   npx ts-node -r tsconfig-paths/register bench/event-search.bench.ts [messages] [indexedEvents]
 *   (BENCH_PROFILE=1: a CPU profile of this process from the publishing to searchable)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { UserJwtService } from '@app/auth';
import { VCalendar, icsToJcal } from '@app/ical';
import {
  EventSearchIndex,
  IndexedEvent,
  OpensearchEventSearchIndex,
  createOpensearchClient,
  missingOpensearchModules,
} from '@app/search';
import { opensearchConfig, cleanEnv } from '@app/config';
import { TestDatabase, TestVhost, ics, writeRsaKeyPair } from '@app/testing';
import { closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import {
  eventDocumentsOf,
  eventLocationOf,
} from '../apps/side-service/src/event-search/indexing/event-documents';
import {
  Engine,
  benchEngines,
  cpuMsOf,
  format,
  loadAverage,
  prepareBenchEnvironment,
  profiled,
  reportRow,
  useEngine,
} from './support/bench-env';

const WORDS = [
  'weekly',
  'sync',
  'budget',
  'review',
  'planning',
  'retro',
  'kickoff',
  'réunion',
  'design',
  'launch',
];

function eventSpec(index: number, home: string) {
  const day = String((index % 28) + 1).padStart(2, '0');
  return {
    path: `/calendars/${home}/${home}/ev-${index}.ics`,
    text: ics(undefined, {
      uid: `ev-${index}`,
      summary: `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]} ${index}`,
      start: `203006${day}T0930${String(index % 60).padStart(2, '0')}`,
      end: `203006${day}T1030${String(index % 60).padStart(2, '0')}`,
      location: `Room ${index % 40}`,
      sequence: 1,
      organizer: { email: `user${index % 50}@bench.test`, cn: `User ${index % 50}` },
      attendees: [{ email: `guest${index % 97}@bench.test`, cn: `Guest ${index % 97}` }],
    }),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** OpenSearch `_bulk` of the same documents into a scratch index (default mapping), until all are searchable. */
async function bulkBaseline(documents: IndexedEvent[]): Promise<number> {
  const config = opensearchConfig.read(cleanEnv(process.env));
  const client = createOpensearchClient(config)!;
  const index = `bench-bulk-${randomBytes(4).toString('hex')}`;
  await client.indices.create({ index, body: { settings: { number_of_shards: 1, number_of_replicas: 0 } } });
  try {
    const started = Date.now();
    for (let at = 0; at < documents.length; at += 500) {
      const body = documents
        .slice(at, at + 500)
        .flatMap(({ id, document }) => [
          { index: { _index: index, _id: id, routing: document.baseCalendarId } },
          document,
        ]);
      const { body: answer } = await client.bulk({ body });
      if (answer.errors) throw new Error('bulk refused documents');
    }
    await client.indices.refresh({ index });
    await waitUntil(
      async () => Number((await client.count({ index })).body.count) >= documents.length,
      120_000,
    );
    return (documents.length * 1000) / (Date.now() - started);
  } finally {
    await client.indices.delete({ index }).catch(() => undefined);
    await client.close();
  }
}

/** Prefetch of the consumer (events.md §1.1): the most messages, so documents, one `_bulk` of the service carries. */
const PREFETCH = 16;

/**
 * The service's own write path without the broker and the consumer: the same documents through the same adapter
 * (`OpensearchEventSearchIndex.upsert`, sequence-guarded scripted upserts into an index with the spec's settings and
 * mapping), `PREFETCH` documents at a time by two writers (what the consumer has in flight), until searchable; and
 * the latency of one such `_bulk`.
 */
async function sameWriteBaseline(documents: IndexedEvent[]): Promise<{ rate: number; bulkP50Ms: number }> {
  const config = opensearchConfig.read(cleanEnv(process.env));
  const client = createOpensearchClient(config)!;
  const name = `bench-same-${randomBytes(4).toString('hex')}`;
  const events = { ...config.events, index: name, readAlias: `${name}-read`, writeAlias: `${name}-write` };
  const adapter = new OpensearchEventSearchIndex(client, { ...config, shards: 1, replicas: 0, events });
  await adapter.ensureIndex();
  try {
    const latencies: number[] = [];
    let next = 0;
    const started = Date.now();
    const writer = async () => {
      for (let at = next; at < documents.length; at = next) {
        next += PREFETCH;
        const begun = process.hrtime.bigint();
        await adapter.upsert(documents.slice(at, at + PREFETCH), true);
        latencies.push(Number(process.hrtime.bigint() - begun) / 1e6);
      }
    };
    await Promise.all([writer(), writer()]);
    await adapter.refresh();
    await waitUntil(
      async () => Number((await client.count({ index: name })).body.count) >= documents.length,
      120_000,
    );
    latencies.sort((a, b) => a - b);
    return { rate: (documents.length * 1000) / (Date.now() - started), bulkP50Ms: percentile(latencies, 50) };
  } finally {
    await client.indices.delete({ index: name }).catch(() => undefined);
    await client.close();
  }
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const messages = Number(process.argv[2] ?? (quick ? 2000 : 10000));
  const indexed = Number(process.argv[3] ?? (quick ? 20000 : 100000));
  const keys = writeRsaKeyPair();
  prepareBenchEnvironment({
    JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
    JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
    DOMAINS: 'bench.test',
  });
  const probe = createOpensearchClient(opensearchConfig.read(cleanEnv(process.env)))!;
  const missing = await missingOpensearchModules(probe);
  await probe.close();
  for (const engine of benchEngines()) await runOn(engine, messages, indexed, missing);
}

async function runOn(
  engine: Engine,
  messages: number,
  indexedCount: number,
  missing: string[],
): Promise<void> {
  useEngine(engine);
  const run = randomBytes(4).toString('hex');
  const opensearchIndex = missing.length === 0;
  if (opensearchIndex)
    Object.assign(process.env, {
      OPENSEARCH_EVENTS_INDEX: `bench-events-${run}`,
      OPENSEARCH_EVENTS_READ_ALIAS: `bench-events-${run}-read`,
      OPENSEARCH_EVENTS_WRITE_ALIAS: `bench-events-${run}-write`,
      OPENSEARCH_SHARDS: '1',
      OPENSEARCH_REPLICAS: '0',
    });
  const stackOpensearch = process.env.OPENSEARCH_HOSTS;
  if (!opensearchIndex) delete process.env.OPENSEARCH_HOSTS;
  const adapter = opensearchIndex
    ? 'OpenSearch index'
    : `MongoDB index (OpenSearch lacks ${missing.join(', ')})`;
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const apps = await createServiceApps();
  const database = await TestDatabase.open();
  const index = apps.api.get(EventSearchIndex);
  try {
    // (1) broker → searchable, against OpenSearch's own bulk rate for the same documents
    const homes = Array.from({ length: 100 }, () => new ObjectId().toHexString());
    const specs = Array.from({ length: messages }, (_, i) => eventSpec(i, homes[i % homes.length]!));
    const bodies = specs.map(({ path, text }) => ({
      eventPath: path,
      event: icsToJcal(text),
      rawEvent: text,
      import: false,
    }));
    const documents = specs.flatMap(({ path, text }) =>
      eventDocumentsOf(VCalendar.parse(text), eventLocationOf(path)),
    );
    const searchable = async () => {
      if (!opensearchIndex)
        return (await database.db.collection('twake_calendar_event_search').countDocuments()) >= messages;
      const client = createOpensearchClient(opensearchConfig.read(cleanEnv(process.env)))!;
      try {
        await index.refresh();
        const { body } = await client.count({ index: `bench-events-${run}-read` });
        return Number(body.count) >= messages;
      } finally {
        await client.close();
      }
    };
    await vhost.publishMany('calendar:event:created', bodies.slice(0, 200)); // warm-up, counted in the wait below
    const started = Date.now();
    const cpuBefore = cpuMsOf();
    await profiled(`event-search-${engine}`, async () => {
      await vhost.publishMany('calendar:event:created', bodies.slice(200));
      process.env.OPENSEARCH_HOSTS = stackOpensearch;
      await waitUntil(searchable, 600_000);
    });
    const serviceRate = ((messages - 200) * 1000) / (Date.now() - started);
    // This process: the service, the publisher and the searchable checks.
    const cpuPerMessage = (cpuMsOf() - cpuBefore) / (messages - 200);
    const bulkRate = await bulkBaseline(documents);
    const sameWrite = opensearchIndex ? await sameWriteBaseline(documents) : undefined;
    reportRow({
      bench: 'event-search',
      figure: `indexed documents/s, broker to searchable (${adapter}, ${messages} messages)`,
      value: Number(format(serviceRate)),
      unit: 'docs/s',
      baseline: Number(format(bulkRate)),
      baselineLabel: 'OpenSearch _bulk of the same documents, to searchable',
      ratio: Number((serviceRate / bulkRate).toFixed(3)),
      goal: { op: '>=', target: 0.5 },
      engine,
      note: `${format(cpuPerMessage, 2)} ms CPU per message (service, publisher and checks in this process); load ${loadAverage()}`,
    });
    if (sameWrite)
      reportRow({
        bench: 'event-search',
        figure: `indexed documents/s, broker to searchable, against the same writes without the broker`,
        value: Number(format(serviceRate)),
        unit: 'docs/s',
        baseline: Number(format(sameWrite.rate)),
        baselineLabel: `the adapter's guarded upserts, ${PREFETCH} documents per _bulk, 2 writers, to searchable`,
        ratio: Number((serviceRate / sameWrite.rate).toFixed(3)),
        engine,
        note: `one _bulk of ${PREFETCH} guarded upserts: p50 ${format(sameWrite.bulkP50Ms)} ms`,
      });

    // (2) search latency with `indexedCount` events in the index (1,000 calendars)
    const users = 1000;
    const perUser = Math.ceil(indexedCount / users);
    const userIds = Array.from({ length: users }, () => new ObjectId());
    const domain = await database.db.collection('domains').findOne({ name: 'bench.test' });
    await database.db.collection('users').insertMany(
      userIds.map((_id, i) => ({
        _id,
        firstname: `u${i}`,
        lastname: 'Bench',
        accounts: [{ type: 'email', hosted: true, emails: [`u${i}-${run}@bench.test`] }],
        domains: [{ domain_id: domain!._id, joined_at: new Date() }],
        timestamps: { creation: new Date() },
        schemaVersion: 2,
      })),
    );
    const filling = Date.now();
    for (let u = 0; u < users; u++) {
      const home = userIds[u]!.toHexString();
      const batch = Array.from({ length: perUser }, (_, i) => eventSpec(u * perUser + i, home)).flatMap(
        ({ path, text }) => eventDocumentsOf(VCalendar.parse(text), eventLocationOf(path)),
      );
      await index.upsert(batch, false);
    }
    await index.refresh();
    const fillSeconds = (Date.now() - filling) / 1000;
    const jwt = apps.api.get(UserJwtService);
    const server = apps.api.getHttpServer();
    const bodies2 = [
      { query: 'weekly' },
      { query: 'plan' },
      { query: '"budget review"' },
      { organizers: ['user3@bench.test'] },
      {},
    ];
    const timings: number[] = [];
    const rounds = process.env.BENCH_QUICK === '1' ? 300 : 1000;
    for (let i = 0; i < rounds; i++) {
      const u = (i * 37) % users;
      const token = await jwt.signUserToken(`u${u}-${run}@bench.test`);
      const home = userIds[u]!.toHexString();
      const body = { calendars: [{ userId: home, calendarId: home }], ...bodies2[i % bodies2.length] };
      const at = process.hrtime.bigint();
      const response = await request(server)
        .post('/calendar/api/events/search')
        .set('Authorization', `Bearer ${token}`)
        .send(body);
      const ms = Number(process.hrtime.bigint() - at) / 1e6;
      if (response.status !== 200) throw new Error(`search answered ${response.status}`);
      if (i >= 20) timings.push(ms);
    }
    timings.sort((a, b) => a - b);
    for (const [p, figure] of [
      [50, 'p50'],
      [99, 'p99'],
    ] as const)
      reportRow({
        bench: 'event-search',
        figure: `search ${figure} (${adapter}, ${users * perUser} indexed events)`,
        value: Number(percentile(timings, p).toFixed(2)),
        unit: 'ms',
        engine,
        note: `filled in ${fillSeconds.toFixed(0)} s; load ${loadAverage()}`,
      });
  } finally {
    await closeServiceApps(apps);
    await database.drop().catch(() => undefined);
    await database.close();
    await vhost.delete();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
