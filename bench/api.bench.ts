/**
 * The two busiest SPA calls with 10,000 users in MongoDB: `GET /api/user` (profile + every local setting) and
 * `POST /api/people/search` (prefix search on users), each next to a bare Node HTTP server answering a fixed body of
 * the same size in the same run. Prints requests per second, p50/p99 latency and the ratio to the bare server.
 * Callers authenticate with a cached OIDC token (the SPAs' way), so the figures include the credential chain.
 *
 *   npx ts-node -r tsconfig-paths/register bench/api.bench.ts [seconds]
 */
import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import { TestDatabase, TestOidcProvider } from '@app/testing';
import { closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import { LoadResult, format, load, prepareBenchEnvironment } from './support/bench-env';

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
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/json;charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
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
  `  ${label.padEnd(28)} ${format(result.rps, 0).padStart(6)} req/s   p50 ${format(result.p50Ms, 2)} ms   p99 ${format(result.p99Ms, 2)} ms   errors ${result.errors}`;

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 8);
  const provider = await TestOidcProvider.start();
  prepareBenchEnvironment({ ...provider.env(), DOMAINS: 'twake.test' });
  await provider.addAccount({
    sub: 'bench-sub',
    email: 'bench@twake.test',
    given_name: 'Bench',
    family_name: 'User',
  });

  const apps = await createServiceApps();
  await apps.api.listen(0, '127.0.0.1');
  const base = urlOf(apps.api.getHttpServer() as Server);
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

  const users = database.db.collection('users');
  const byEmail = await queryCost(() => users.findOne({ email: `user${USERS - 1}@twake.test` }));
  const settings = await queryCost(() =>
    database.db.collection('configurations').findOne({ user_id: new ObjectId(), domain_id: new ObjectId() }),
  );
  const domain = await database.db.collection('domains').findOne({ name: 'twake.test' });
  const prefix = { $regex: '^Firstname12', $options: 'i' };
  const prefixSearch = await queryCost(() =>
    users
      .find({
        'domains.domain_id': domain!._id,
        $or: [
          { 'accounts.emails': prefix },
          { firstname: prefix },
          { lastname: prefix },
          { firstnames: prefix },
        ],
      })
      .limit(10)
      .toArray(),
  );
  const bareProfile = await bareServer(profileBody);
  const bareSearch = await bareServer(foundBody);
  const options = { durationMs: seconds * 1000, connections: CONNECTIONS, headers };
  const post = { ...options, method: 'POST', body: SEARCH };
  const scenarios = [
    { label: 'bare server, profile body', url: `${urlOf(bareProfile)}/api/user`, options },
    { label: 'GET /api/user', url: `${base}/api/user`, options },
    { label: 'bare server, search body', url: `${urlOf(bareSearch)}/api/people/search`, options: post },
    { label: 'POST /api/people/search', url: `${base}/api/people/search`, options: post },
  ];
  for (const scenario of scenarios) await load(scenario.url, { ...scenario.options, durationMs: 2000 }); // JIT warm-up
  const results = scenarios.map(() => [] as LoadResult[]);
  for (let round = 0; round < 3; round++)
    for (const [index, scenario] of scenarios.entries())
      results[index]!.push(await load(scenario.url, scenario.options));
  const [bareUser, user, bareFound, search] = results.map(median) as [
    LoadResult,
    LoadResult,
    LoadResult,
    LoadResult,
  ];

  console.log(
    `REST API benchmark: ${USERS} users in MongoDB, cached OIDC token, 3 alternating rounds of ${seconds}s, medians, ` +
      `${CONNECTIONS} connections, load generator in its own process`,
  );
  console.log(
    `  database alone: find by e-mail among ${USERS} users ${format(byEmail)} ms, one settings read ` +
      `${format(settings)} ms, the prefix search ${format(prefixSearch)} ms`,
  );
  console.log(line('bare Node server', bareUser));
  console.log(line('GET /api/user', user));
  console.log(
    `  ratio GET /api/user / bare    ${format(user.rps / bareUser.rps, 3)}   (${profileBody.length} bytes)`,
  );
  console.log(line('bare Node server', bareFound));
  console.log(line('POST /api/people/search', search));
  console.log(
    `  ratio people search / bare    ${format(search.rps / bareFound.rps, 3)}   (${hits} hits for ${SEARCH})`,
  );

  await closeServiceApps(apps);
  await new Promise((resolve) => bareProfile.close(resolve));
  await new Promise((resolve) => bareSearch.close(resolve));
  await database.drop();
  await database.close();
  await provider.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
