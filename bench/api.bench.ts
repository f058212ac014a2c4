/**
 * The two busiest SPA calls with 10,000 users in MongoDB: `GET /api/user` (profile + every local setting) and
 * `POST /api/people/search` (prefix search on users), each next to (1) a bare Node HTTP server doing the same
 * database reads through the same driver (the find commands captured from the service during one request) and
 * answering the same body — the baseline of the ratio — and (2) a bare server answering the body alone (bare HTTP).
 * Alternating rounds in one run, on both engines. Callers authenticate with a cached OIDC token (the SPAs' way),
 * so the figures include the credential chain.
 *
 * The service measured is the compiled one as shipped (`npm run build`, then `node <npm start's flags>
 * dist/apps/side-service/src/main.js` in its own process; BENCH_SKIP_BUILD=1 reuses dist/, BENCH_START_FLAGS
 * replaces the flags). The reads are captured beforehand from the same code run in this process. With
 * BENCH_PROFILE=1 the service writes a CPU profile of its whole run to .bench-logs/api-<engine>-service.cpuprofile.
 *
 *   npx ts-node -r tsconfig-paths/register bench/api.bench.ts [seconds]
 */
import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { getConnectionToken } from '@nestjs/mongoose';
import { CommandStartedEvent, ObjectId } from 'mongodb';
import mongoose, { Connection } from 'mongoose';
import { TestDatabase, TestOidcProvider } from '@app/testing';
import { ServiceApps, closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import {
  Engine,
  LoadResult,
  benchEngines,
  cpuMsOf,
  ROOT,
  format,
  load,
  loadAverage,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';
import { buildService, freePort, startFlags, startService, stopService } from './support/compiled-service';

const USERS = 10_000;
const CONNECTIONS = 32;
const SEARCH = JSON.stringify({ q: 'Firstname12', objectTypes: ['user'], limit: 10 });

async function seedUsers(database: TestDatabase): Promise<void> {
  const domain = await database.db.collection('domains').findOne({ name: 'twake.test' });
  for (let start = 0; start < USERS; start += 1_000) {
    const batch = Array.from({ length: 1_000 }, (_, offset) => {
      const n = start + offset;
      const email = `user${n}@twake.test`;
      return {
        _id: new ObjectId(),
        firstname: `Firstname${n}`,
        lastname: `Lastname${n}`,
        firstnames: [`Firstname${n}`],
        password: 'bench',
        email,
        domains: [{ domain_id: domain!._id }],
        accounts: [{ type: 'email', emails: [email] }],
      };
    });
    await database.db.collection('users').insertMany(batch);
  }
}

/** Answers every request with the same body, after reading the request's own. */
async function bareServer(body: string): Promise<Server> {
  return serve(async () => body);
}

async function serve(answer: () => Promise<string>): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      answer().then(
        (body) => {
          res.writeHead(200, {
            'Content-Type': 'application/json;charset=utf-8',
            'Content-Length': Buffer.byteLength(body),
          });
          res.end(body);
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

interface Read {
  collection: string;
  filter: Record<string, unknown>;
  projection?: Record<string, unknown>;
  limit?: number;
}

/** The find commands the service sends to MongoDB while `request` runs (after warm-up: its caches are warm). */
async function readsOf(
  apps: ServiceApps,
  database: string,
  request: () => Promise<unknown>,
): Promise<Read[]> {
  const client = apps.api.get<Connection>(getConnectionToken()).getClient();
  const reads: Read[] = [];
  const listener = (event: CommandStartedEvent) => {
    if (event.databaseName !== database || event.commandName !== 'find') return;
    const command = event.command as Record<string, unknown>;
    reads.push({
      collection: String(command.find),
      filter: (command.filter as Record<string, unknown>) ?? {},
      projection: command.projection as Record<string, unknown> | undefined,
      limit: command.limit as number | undefined,
    });
  };
  client.on('commandStarted', listener);
  try {
    await request();
  } finally {
    client.off('commandStarted', listener);
  }
  return reads;
}

/**
 * A bare Node server doing the same database reads as the service for one request (the find commands captured
 * from the service, sent one after the other through mongoose's own driver and connection settings) and
 * answering the same body: what the request costs without our code around the reads.
 */
async function sameReadServer(url: string, database: string, reads: Read[], body: string) {
  const client = await mongoose.mongo.MongoClient.connect(url, { serverSelectionTimeoutMS: 10_000 });
  const db = client.db(database);
  const server = await serve(async () => {
    for (const read of reads)
      await db
        .collection(read.collection)
        .find(read.filter, { projection: read.projection, limit: read.limit })
        .toArray();
    return body;
  });
  return { server, close: () => client.close() };
}

/** What one query costs the database alone (median of 5), to read the figures against. */
async function queryCost(run: () => Promise<unknown>): Promise<number> {
  const costs: number[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const start = process.hrtime.bigint();
    await run();
    costs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return costs.sort((a, b) => a - b)[2]!;
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const median = (results: LoadResult[]) =>
  [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)]!;
const line = (label: string, result: LoadResult) =>
  `  ${label.padEnd(34)} ${format(result.rps, 0).padStart(6)} req/s   p50 ${format(result.p50Ms, 2)} ms   p99 ${format(result.p99Ms, 2)} ms   errors ${result.errors}`;

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const seconds = Number(process.argv[2] ?? (quick ? 4 : 8));
  buildService();
  const provider = await TestOidcProvider.start();
  prepareBenchEnvironment({ ...provider.env(), DOMAINS: 'twake.test' });
  await provider.addAccount({
    sub: 'bench-sub',
    email: 'bench@twake.test',
    given_name: 'Bench',
    family_name: 'User',
  });
  try {
    for (const engine of benchEngines()) await runOn(engine, seconds, provider);
  } finally {
    await provider.stop();
  }
}

async function runOn(engine: Engine, seconds: number, provider: TestOidcProvider): Promise<void> {
  useEngine(engine);
  // The reads and bodies: captured from the service code run in this process, which is then closed.
  const apps = await createServiceApps();
  await apps.api.listen(0, '127.0.0.1');
  let base = urlOf(apps.api.getHttpServer() as Server);
  const database = await TestDatabase.open();
  await seedUsers(database);

  const token = await provider.issueToken({ sub: 'bench-sub', sid: `bench-${Date.now()}` });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const profile = await fetch(`${base}/api/user`, { headers });
  const profileBody = await profile.text();
  const found = await fetch(`${base}/api/people/search`, { method: 'POST', headers, body: SEARCH });
  const foundBody = await found.text();
  if (profile.status !== 200 || found.status !== 200)
    throw new Error(`GET /api/user answered ${profile.status}, people search ${found.status}`);
  const hits = (JSON.parse(foundBody) as unknown[]).length;
  const profileReads = await readsOf(apps, database.db.databaseName, () =>
    fetch(`${base}/api/user`, { headers }),
  );
  const searchReads = await readsOf(apps, database.db.databaseName, () =>
    fetch(`${base}/api/people/search`, { method: 'POST', headers, body: SEARCH }),
  );

  await closeServiceApps(apps);
  const port = await freePort();
  const profileFlags = [
    '--cpu-prof',
    `--cpu-prof-dir=${ROOT}/.bench-logs`,
    `--cpu-prof-name=api-${engine}-service.cpuprofile`,
  ];
  const service = await startService(port, {
    log: `api-${engine}-service`,
    extraFlags: process.env.BENCH_PROFILE === '1' ? profileFlags : [],
  });
  base = `http://127.0.0.1:${port}`;
  const compiled = await fetch(`${base}/api/user`, { headers });
  if (compiled.status !== 200 || (await compiled.text()) !== profileBody)
    throw new Error(`the compiled service answered GET /api/user with ${compiled.status} or another body`);

  const users = database.db.collection('users');
  const byEmail = await queryCost(() =>
    users.findOne({
      $or: [{ email: `user${USERS - 1}@twake.test` }, { 'accounts.emails': `user${USERS - 1}@twake.test` }],
    }),
  );
  const prefixSearch = searchReads[searchReads.length - 1];
  const prefixCost = prefixSearch
    ? await queryCost(() =>
        database.db.collection(prefixSearch.collection).find(prefixSearch.filter).limit(10).toArray(),
      )
    : 0;
  const bareProfile = await bareServer(profileBody);
  const bareSearch = await bareServer(foundBody);
  const url = process.env.MONGO_URL!;
  const sameProfile = await sameReadServer(url, database.db.databaseName, profileReads, profileBody);
  const sameSearch = await sameReadServer(url, database.db.databaseName, searchReads, foundBody);
  const options = { durationMs: seconds * 1000, connections: CONNECTIONS, headers };
  const post = { ...options, method: 'POST', body: SEARCH };
  const scenarios = [
    { label: 'bare server, profile body', url: `${urlOf(bareProfile)}/api/user`, options },
    { label: 'bare server + same reads', url: `${urlOf(sameProfile.server)}/api/user`, options },
    { label: 'GET /api/user', url: `${base}/api/user`, options },
    { label: 'bare server, search body', url: `${urlOf(bareSearch)}/api/people/search`, options: post },
    {
      label: 'bare server + same reads',
      url: `${urlOf(sameSearch.server)}/api/people/search`,
      options: post,
    },
    { label: 'POST /api/people/search', url: `${base}/api/people/search`, options: post },
  ];
  for (const scenario of scenarios) await load(scenario.url, { ...scenario.options, durationMs: 1500 }); // JIT warm-up
  const results = scenarios.map(() => [] as LoadResult[]);
  const cpu = scenarios.map(() => 0);
  for (let round = 0; round < 3; round++)
    for (const [index, scenario] of scenarios.entries()) {
      // CPU of the process that answers: this one for the bare servers, the service's own for the service.
      const pid = scenario.label.startsWith('bare') ? 'self' : service.pid!;
      const before = cpuMsOf(pid);
      const result = await load(scenario.url, scenario.options);
      cpu[index]! += (cpuMsOf(pid) - before) / Math.max(1, result.requests);
      results[index]!.push(result);
    }
  const [bareUser, sameUser, user, bareFound, sameFound, search] = results.map(median) as LoadResult[];
  const cpuPer = cpu.map((total) => total / 3);

  console.log(
    `REST API benchmark on ${engine}: ${USERS} users, cached OIDC token, 3 alternating rounds of ${seconds}s, ` +
      `medians, ${CONNECTIONS} connections, load generator in its own process (load ${loadAverage()})`,
  );
  console.log(`  service: compiled, in its own process (node ${startFlags().join(' ')} dist/.../main.js)`);
  const describe = (reads: Read[]) =>
    reads.map((read) => `${read.collection} ${JSON.stringify(read.filter)}`).join('; ');
  console.log(`  reads per GET /api/user: ${profileReads.length} (${describe(profileReads)})`);
  console.log(`  reads per people search: ${searchReads.length} (${describe(searchReads)})`);
  console.log(
    `  database alone: find by e-mail among ${USERS} users ${format(byEmail)} ms, the prefix search ${format(prefixCost)} ms`,
  );
  for (const [index, result] of [bareUser, sameUser, user, bareFound, sameFound, search].entries())
    console.log(`${line(scenarios[index]!.label, result!)}   CPU ${format(cpuPer[index]!, 3)} ms/req`);
  const profileRatio = user!.rps / sameUser!.rps;
  const searchRatio = search!.rps / sameFound!.rps;
  console.log(
    `  ratio GET /api/user / same-read server    ${format(profileRatio, 3)} (goal >= 0.5; vs bare HTTP ${format(user!.rps / bareUser!.rps, 3)})`,
  );
  console.log(
    `  ratio people search / same-read server    ${format(searchRatio, 3)} (goal >= 0.3; vs bare HTTP ${format(search!.rps / bareFound!.rps, 3)}; ${hits} hits)`,
  );
  reportRow({
    bench: 'api',
    figure: 'GET /api/user',
    value: user!.rps,
    unit: 'req/s',
    baseline: sameUser!.rps,
    baselineLabel: 'bare Node, same reads',
    ratio: profileRatio,
    goal: { op: '>=', target: 0.5 },
    engine,
    note: `bare HTTP ${format(bareUser!.rps, 0)} req/s; p50 ${format(user!.p50Ms, 2)} ms; CPU ${format(cpuPer[2]!, 3)} vs ${format(cpuPer[1]!, 3)} ms/req`,
  });
  reportRow({
    bench: 'api',
    figure: 'POST /api/people/search',
    value: search!.rps,
    unit: 'req/s',
    baseline: sameFound!.rps,
    baselineLabel: 'bare Node, same reads',
    ratio: searchRatio,
    goal: { op: '>=', target: 0.3 },
    engine,
    note: `bare HTTP ${format(bareFound!.rps, 0)} req/s; p50 ${format(search!.p50Ms, 2)} ms; CPU ${format(cpuPer[5]!, 3)} vs ${format(cpuPer[4]!, 3)} ms/req`,
  });

  await stopService(service);
  if (process.env.BENCH_PROFILE === '1')
    console.log(`  CPU profile of the service: .bench-logs/api-${engine}-service.cpuprofile`);
  for (const server of [bareProfile, bareSearch, sameProfile.server, sameSearch.server])
    await new Promise((resolve) => server.close(resolve));
  await sameProfile.close();
  await sameSearch.close();
  await database.drop();
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
