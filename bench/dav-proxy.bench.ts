/**
 * Cost of the DAV proxy, and memory of a large export.
 *
 * 1. PROPFIND (Depth 1, SPA-style body, 20 events) and GET of one event, through `/dav/**` of the service
 *    (cached OIDC token, impersonation towards the DAV server) and straight to the DAV server (the stack's Radicale),
 *    in alternating rounds of the same run: req/s, p50/p99 and the ratios (targets: proxy throughput within 10% of
 *    direct, under 1 ms added at p50).
 *    Then the same GET against a stand-in that answers at once (bench/support/fixed-dav.mjs): the proxy's own cost.
 *    The service measured is the compiled one as shipped (`npm run build`, then `node <npm start's flags>
 *    dist/apps/side-service/src/main.js` in its own process, `support/compiled-service.ts`; BENCH_SKIP_BUILD=1 reuses
 *    dist/); its CPU per proxied request is read from /proc. With BENCH_PROFILE=1 the service behind the stand-in
 *    writes a CPU profile to .bench-logs/dav-proxy-<engine>-service.cpuprofile, its top self time printed.
 *    Then a ~50 MB ICS uploaded and imported into that stand-in: time and memory high-water mark.
 * 2. The secret-link ICS export of a 100 000-event calendar (Radicale behind the esn-sabre test double, in this
 *    process), downloaded by another process: this process's RSS and heap high-water marks over their baseline.
 *    The calendar is created in Radicale on the first run (about 5 minutes), then reused.
 *
 *   node --expose-gc -r ts-node/register -r tsconfig-paths/register bench/dav-proxy.bench.ts [seconds]
 *   (the memory figures of the full variant run the service in this process, to watch its event bus)
 *   (BENCH_CACHE=memory: without Redis; without --expose-gc the live heap is not measured)
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EventBus } from '@nestjs/cqrs';
import { request } from 'undici';
import { TestDatabase, TestOidcProvider } from '@app/testing';
import { ServiceApps, closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import { ImportCompletedEvent } from '../apps/side-service/src/import/events/import-completed.event';
import { EsnSabreDouble } from '../test/doubles/esn-sabre/esn-sabre-double';
import {
  Engine,
  LoadResult,
  benchEngines,
  cpuMsOf,
  format,
  load,
  loadAverage,
  prepareBenchEnvironment,
  printProfile,
  reportRow,
  useEngine,
} from './support/bench-env';
import {
  buildService,
  freePort,
  profileFlags,
  startFlags,
  startService,
  stopService,
} from './support/compiled-service';

const SMALL_CALENDAR = '/calendars/bench-proxy/calendar';
const LARGE_HOME = 'bench-100k';
const LARGE_CALENDAR = `/calendars/${LARGE_HOME}/large`;
const LARGE_EVENTS = 100_000;
/** About 50 MB of ICS. */
const IMPORT_EVENTS = 300_000;
const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">' +
  '<d:prop><d:getetag/><d:getcontenttype/><d:resourcetype/></d:prop></d:propfind>';
const DIRECT_AUTH = `Basic ${Buffer.from('admin&bench@twake.test:x').toString('base64')}`;

const HEADER = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n';
const FOOTER = 'END:VCALENDAR\r\n';
const vevent = (uid: string, hour: number) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\n` +
  `DTSTART:20260101T${String(hour % 24).padStart(2, '0')}0000Z\r\nDURATION:PT1H\r\n` +
  `SUMMARY:Event ${uid} of the benchmark calendar\r\nEND:VEVENT\r\n`;

async function dav(method: string, url: string, body?: string, headers: Record<string, string> = {}) {
  const response = await request(url, {
    method: method as 'GET',
    body,
    headers: { authorization: DIRECT_AUTH, ...headers },
    headersTimeout: 3_600_000,
    bodyTimeout: 3_600_000,
  });
  await response.body.dump();
  return response.statusCode;
}

async function seedSmallCalendar(radicale: string): Promise<void> {
  await dav('MKCOL', `${radicale}/calendars/`);
  await dav('MKCOL', `${radicale}${SMALL_CALENDAR.split('/').slice(0, 3).join('/')}/`);
  await dav('MKCALENDAR', `${radicale}${SMALL_CALENDAR}/`);
  for (let index = 0; index < 20; index++)
    await dav(
      'PUT',
      `${radicale}${SMALL_CALENDAR}/event-${index}.ics`,
      HEADER + vevent(`event-${index}`, index) + FOOTER,
      {
        'content-type': 'text/calendar',
      },
    );
}

async function seedLargeCalendar(radicale: string): Promise<void> {
  if ((await dav('PROPFIND', `${radicale}${LARGE_CALENDAR}/`, undefined, { depth: '0' })) === 207) return;
  console.log(`seeding ${LARGE_EVENTS} events into Radicale at ${LARGE_CALENDAR} (once, about 5 minutes)...`);
  await dav('MKCOL', `${radicale}/calendars/${LARGE_HOME}/`);
  await dav('MKCALENDAR', `${radicale}${LARGE_CALENDAR}/`);
  const parts = [HEADER];
  for (let index = 0; index < LARGE_EVENTS; index++) parts.push(vevent(`bench-${index}`, index));
  parts.push(FOOTER);
  const status = await dav('PUT', `${radicale}${LARGE_CALENDAR}/`, parts.join(''), {
    'content-type': 'text/calendar',
  });
  if (status >= 300) throw new Error(`seeding the large calendar failed: ${status}`);
}

/** The compiled service (npm start's flags) in its own process, forwarding `/dav/**` to `davUrl`. */
async function startCompiled(davUrl: string, log: string, extraFlags: string[] = []) {
  process.env.DAV_URL = davUrl;
  const port = await freePort();
  const service = await startService(port, { log, extraFlags });
  return { service, base: `http://127.0.0.1:${port}` };
}

const middle = (results: LoadResult[]) => [...results].sort((a, b) => a.rps - b.rps)[1]!;

/** The service in this process (the memory figures: they watch the import's completion on its event bus). */
async function startInProcess(env: Record<string, string>): Promise<{ apps: ServiceApps; base: string }> {
  Object.assign(process.env, env);
  const apps = await createServiceApps();
  await apps.api.listen(0, '127.0.0.1');
  return { apps, base: `http://127.0.0.1:${(apps.api.getHttpServer().address() as AddressInfo).port}` };
}

/**
 * Runs `work` while sampling this process's memory every 5 ms: baseline and high-water marks (RSS, heap, array
 * buffers; garbage included). With `--expose-gc`, also the live heap: sampled right after a collection, every 200 ms.
 */
async function sampled<T>(work: () => Promise<T>) {
  const sample = () => process.memoryUsage();
  global.gc?.();
  const baseline = sample();
  const peak = { ...baseline };
  let liveHeap = global.gc ? baseline.heapUsed : undefined;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = sample();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    if (global.gc && ++ticks % 40 === 0) {
      global.gc();
      liveHeap = Math.max(liveHeap!, process.memoryUsage().heapUsed);
    }
  }, 5);
  try {
    return { result: await work(), baseline, peak, liveHeap };
  } finally {
    clearInterval(timer);
  }
}

/** Downloads `url` in another process (bytes and VEVENTs counted there, the body never kept). */
function download(url: string): Promise<{ status: number; bytes: number; events: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'support', 'download.mjs'), url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`download: ${code}`)),
    );
  });
}

/** Uploads a generated ICS of `events` events (streamed, never whole in memory) and imports it; waits for the end. */
async function uploadAndImport(
  base: string,
  headers: Record<string, string>,
  apps: ServiceApps,
  events: number,
) {
  let size = Buffer.byteLength(HEADER) + Buffer.byteLength(FOOTER);
  for (let index = 0; index < events; index++) size += Buffer.byteLength(vevent(`import-${index}`, index));
  async function* body() {
    yield Buffer.from(HEADER);
    let batch = '';
    for (let index = 0; index < events; index++) {
      batch += vevent(`import-${index}`, index);
      if (batch.length > 64 * 1024) {
        yield Buffer.from(batch);
        batch = '';
      }
    }
    yield Buffer.from(batch + FOOTER);
  }
  const started = Date.now();
  const upload = await request(`${base}/api/files?name=big.ics&size=${size}&mimetype=text/calendar`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/calendar' },
    body: Readable.from(body()),
  });
  const uploaded = (await upload.body.json()) as { _id?: string };
  if (upload.statusCode !== 201 || !uploaded._id)
    throw new Error(`upload answered ${upload.statusCode}: ${JSON.stringify(uploaded)}`);
  const _id = uploaded._id;
  const uploadedMs = Date.now() - started;
  const finished = new Promise<ImportCompletedEvent>((resolve) => {
    const subscription = apps.api.get(EventBus).subscribe((event) => {
      if (event instanceof ImportCompletedEvent) {
        subscription.unsubscribe();
        resolve(event);
      }
    });
  });
  const importStart = await request(`${base}/api/import`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ fileId: _id, target: `${SMALL_CALENDAR}.json` }),
  });
  const text = await importStart.body.text();
  if (importStart.statusCode !== 202) throw new Error(`import answered ${importStart.statusCode}: ${text}`);
  const outcome = await finished;
  return { size, uploadedMs, importedMs: Date.now() - started - uploadedMs, outcome };
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const seconds = Number(process.argv[2] ?? (quick ? 3 : 8));
  buildService();
  const provider = await TestOidcProvider.start();
  const cache = process.env.BENCH_CACHE ?? 'redis';
  prepareBenchEnvironment({
    ...provider.env(),
    DOMAINS: 'twake.test',
    ...(cache === 'memory' ? { REDIS_URL: undefined } : {}),
  });
  const radicale = process.env.DAV_URL!;
  await provider.addAccount({
    sub: 'bench-sub',
    email: 'bench@twake.test',
    given_name: 'Bench',
    family_name: 'User',
  });
  const token = await provider.issueToken({ sub: 'bench-sub', sid: `dav-bench-${Date.now()}` });
  const bearer = { authorization: `Bearer ${token}` };
  await seedSmallCalendar(radicale);
  const fixedDav = spawn(process.execPath, [join(__dirname, 'support', 'fixed-dav.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const fixedPort = await new Promise<string>((resolve) =>
    fixedDav.stdout.once('data', (data) => resolve(String(data).trim())),
  );
  try {
    for (const engine of benchEngines()) await proxyFigures(engine, seconds, radicale, fixedPort, bearer);
    // Memory of an import and an export: long (a 50 MB ICS, a 100 000-event calendar), not in the quick variant.
    if (!quick) await memoryFigures(radicale, fixedPort, bearer);
  } finally {
    fixedDav.kill();
    await provider.stop();
  }
}

async function proxyFigures(
  engine: Engine,
  seconds: number,
  radicale: string,
  fixedPort: string,
  bearer: Record<string, string>,
): Promise<void> {
  useEngine(engine);
  const progress = (step: string) => process.stderr.write(`[dav-proxy bench] ${step}\n`);
  progress(`proxy versus direct, DAV server Radicale (${engine})`);
  // 1. Proxy versus direct, DAV_URL = Radicale; the compiled service in its own process, as shipped.
  const atRadicale = await startCompiled(radicale, `dav-proxy-${engine}-radicale-service`);
  const proxied = `${atRadicale.base}/dav${SMALL_CALENDAR}`;
  const direct = `${radicale}${SMALL_CALENDAR}`;
  const cases = {
    propfind: {
      method: 'PROPFIND',
      body: PROPFIND_BODY,
      headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
      direct: `${direct}/`,
      proxy: `${proxied}/`,
    },
    get: {
      method: 'GET',
      body: undefined,
      headers: {},
      direct: `${direct}/event-3.ics`,
      proxy: `${proxied}/event-3.ics`,
    },
  };
  // Radicale (threaded WSGI, HTTP/1.0, listen backlog 5) drops connections beyond a few concurrent ones.
  const connections = 4;
  const figures: Record<string, { direct: LoadResult; proxy: LoadResult; cpuPerRequestMs: number }> = {};
  for (const [name, spec] of Object.entries(cases)) {
    const run = (target: 'direct' | 'proxy', durationMs: number) =>
      load(spec[target], {
        durationMs,
        connections,
        method: spec.method,
        body: spec.body,
        headers: { ...spec.headers, ...(target === 'proxy' ? bearer : { authorization: DIRECT_AUTH }) },
      });
    await run('direct', 2000); // warm-up (JIT, caches, the OIDC token)
    await run('proxy', 2000);
    const directs: LoadResult[] = [];
    const proxies: LoadResult[] = [];
    let cpu = 0;
    for (let round = 0; round < 3; round++) {
      directs.push(await run('direct', seconds * 1000));
      const before = cpuMsOf(atRadicale.service.pid!);
      proxies.push(await run('proxy', seconds * 1000));
      cpu += cpuMsOf(atRadicale.service.pid!) - before;
    }
    const proxiedRequests = proxies.reduce((sum, result) => sum + result.requests, 0);
    figures[name] = {
      direct: middle(directs),
      proxy: middle(proxies),
      cpuPerRequestMs: cpu / proxiedRequests,
    };
  }
  await stopService(atRadicale.service);

  progress(`proxy versus direct, keep-alive DAV stand-in (${engine})`);
  // 1b. The same GET against a keep-alive DAV stand-in that answers at once: the proxy's own cost.
  const profileName = `dav-proxy-${engine}-service`;
  const fixed = await startCompiled(
    `http://127.0.0.1:${fixedPort}`,
    profileName,
    process.env.BENCH_PROFILE === '1' ? profileFlags(profileName) : [],
  );
  const fixedRun = (target: 'direct' | 'proxy', durationMs: number) =>
    load(
      target === 'direct'
        ? `http://127.0.0.1:${fixedPort}${SMALL_CALENDAR}/event-3.ics`
        : `${fixed.base}/dav${SMALL_CALENDAR}/event-3.ics`,
      {
        durationMs,
        connections: 16,
        headers: target === 'proxy' ? bearer : { authorization: DIRECT_AUTH },
      },
    );
  await fixedRun('direct', 2000);
  await fixedRun('proxy', 2000);
  const fixedDirects: LoadResult[] = [];
  const fixedProxies: LoadResult[] = [];
  let fixedCpu = 0;
  for (let round = 0; round < 3; round++) {
    fixedDirects.push(await fixedRun('direct', seconds * 1000));
    const before = cpuMsOf(fixed.service.pid!);
    const result = await fixedRun('proxy', seconds * 1000);
    fixedCpu += (cpuMsOf(fixed.service.pid!) - before) / result.requests;
    fixedProxies.push(result);
  }
  const fixedFigures = { direct: middle(fixedDirects), proxy: middle(fixedProxies) };
  await stopService(fixed.service);

  console.log(
    `DAV proxy benchmark on ${engine} (3 alternating rounds of ${seconds}s, medians, ${connections} connections, DAV server: Radicale ${radicale}, cache: ${process.env.REDIS_URL ? 'Redis' : 'memory'}; load ${loadAverage()})`,
  );
  console.log(`  service: compiled, in its own process (node ${startFlags().join(' ')} dist/.../main.js)`);
  for (const [name, { direct: d, proxy: p, cpuPerRequestMs }] of Object.entries(figures)) {
    const label = name === 'propfind' ? 'PROPFIND Depth 1 (20 events)' : 'GET one event';
    console.log(`  ${label} (Radicale: its own rate bounds both)`);
    console.log(
      `    direct   ${format(d.rps, 0)} req/s   p50 ${format(d.p50Ms, 2)} ms   p99 ${format(d.p99Ms, 2)} ms   errors ${d.errors}`,
    );
    console.log(
      `    proxy    ${format(p.rps, 0)} req/s   p50 ${format(p.p50Ms, 2)} ms   p99 ${format(p.p99Ms, 2)} ms   errors ${p.errors}`,
    );
    console.log(
      `    ratio proxy/direct throughput ${format(p.rps / d.rps, 3)}   added p50 ${format(p.p50Ms - d.p50Ms, 2)} ms   added p99 ${format(p.p99Ms - d.p99Ms, 2)} ms`,
    );
    console.log(`    service CPU per proxied request ${format(cpuPerRequestMs, 3)} ms (user + system)`);
    reportRow({
      bench: 'dav-proxy',
      figure: `${label} via proxy, Radicale`,
      value: p.rps,
      unit: 'req/s',
      baseline: d.rps,
      baselineLabel: 'Radicale direct',
      ratio: p.rps / d.rps,
      engine,
      note: `added p50 ${format(p.p50Ms - d.p50Ms, 2)} ms, service CPU ${format(cpuPerRequestMs, 3)} ms/req (Radicale is the bottleneck: no goal)`,
    });
  }
  {
    const { direct: d, proxy: p } = fixedFigures;
    console.log(
      '  GET against a keep-alive DAV stand-in answering at once (16 connections): the proxy alone',
    );
    console.log(
      `    direct   ${format(d.rps, 0)} req/s   p50 ${format(d.p50Ms, 2)} ms   p99 ${format(d.p99Ms, 2)} ms   errors ${d.errors}`,
    );
    console.log(
      `    proxy    ${format(p.rps, 0)} req/s   p50 ${format(p.p50Ms, 2)} ms   p99 ${format(p.p99Ms, 2)} ms   errors ${p.errors}   CPU ${format(fixedCpu / 3, 3)} ms/req`,
    );
    console.log(
      `    ratio ${format(p.rps / d.rps, 3)} (goal >= 0.3), added p50 ${format(p.p50Ms - d.p50Ms, 2)} ms (goal < 1 ms)`,
    );
    reportRow({
      bench: 'dav-proxy',
      figure: 'GET via proxy, keep-alive stand-in',
      value: p.rps,
      unit: 'req/s',
      baseline: d.rps,
      baselineLabel: 'stand-in direct',
      ratio: p.rps / d.rps,
      goal: { op: '>=', target: 0.3 },
      engine,
      note: `service CPU ${format(fixedCpu / 3, 3)} ms/req, p50 ${format(p.p50Ms, 2)} vs ${format(d.p50Ms, 2)} ms`,
    });
    reportRow({
      bench: 'dav-proxy',
      figure: 'added p50 latency, keep-alive stand-in',
      value: p.p50Ms - d.p50Ms,
      unit: 'ms',
      goal: { op: '<=', target: 1 },
      engine,
    });
  }
  if (process.env.BENCH_PROFILE === '1') printProfile(profileName);
}

async function memoryFigures(
  radicale: string,
  fixedPort: string,
  bearer: Record<string, string>,
): Promise<void> {
  const progress = (step: string) => process.stderr.write(`[dav-proxy bench] ${step}\n`);
  const fixed = await startInProcess({ DAV_URL: `http://127.0.0.1:${fixedPort}` });
  progress(`upload and import of ${IMPORT_EVENTS} events`);
  // Import of a ~50 MB ICS into the stand-in: what the service holds while parsing and pushing it.
  const imported = await sampled(() => uploadAndImport(fixed.base, bearer, fixed.apps, IMPORT_EVENTS));
  await closeServiceApps(fixed.apps);
  progress(`export of ${LARGE_EVENTS} events`);
  // 2. Export of the 100k-event calendar through a secret link; the esn-sabre double (in this process) in front.
  await seedLargeCalendar(radicale);
  const database = await TestDatabase.open();
  const double = await EsnSabreDouble.start({
    radicaleUrl: radicale,
    db: database.db,
    adminUser: process.env.DAV_ADMIN_USER!,
    adminPassword: process.env.DAV_ADMIN_PASSWORD!,
  });
  const exporting = await startInProcess({ DAV_URL: double.url });
  double.setSideServiceUrl(exporting.base);
  const link = await request(`${exporting.base}/calendar/api/calendars/${LARGE_HOME}/large/secret-link`, {
    headers: bearer,
  });
  const { secretLink } = (await link.body.json()) as { secretLink: string };
  const exportUrl = `${exporting.base}${new URL(secretLink).pathname}${new URL(secretLink).search}`;
  await download(exportUrl); // warm-up
  const exported = await sampled(() => download(exportUrl));
  await closeServiceApps(exporting.apps);
  await double.stop();

  const MiB = 1024 * 1024;
  const memory = (run: { baseline: NodeJS.MemoryUsage; peak: NodeJS.MemoryUsage; liveHeap?: number }) =>
    `${run.liveHeap === undefined ? 'live heap: run node with --expose-gc' : `live heap +${format((run.liveHeap - run.baseline.heapUsed) / MiB)} MiB`}, RSS +${format((run.peak.rss - run.baseline.rss) / MiB)} MiB, heap +${format((run.peak.heapUsed - run.baseline.heapUsed) / MiB)} MiB, array buffers +${format((run.peak.arrayBuffers - run.baseline.arrayBuffers) / MiB)} MiB (baseline RSS ${format(run.baseline.rss / MiB)} MiB)`;
  const { result: exportResult } = exported;
  console.log(
    `  ICS export of ${LARGE_EVENTS} events through a secret link: status ${exportResult.status}, ${exportResult.events} events, ${format(exportResult.bytes / MiB)} MiB in ${format(exportResult.ms / 1000, 2)} s`,
  );
  console.log(
    `    memory high-water over baseline: ${memory(exported)} (service and esn-sabre double in this process)`,
  );
  const { result: importResult } = imported;
  console.log(
    `  upload + import of a ${format(importResult.size / MiB)} MiB ICS (${IMPORT_EVENTS} events) into the stand-in: upload ${format(importResult.uploadedMs / 1000, 2)} s, import ${format(importResult.importedMs / 1000, 2)} s, ${importResult.outcome.status}, ${importResult.outcome.succeedCount} imported, ${importResult.outcome.failedCount} failed`,
  );
  console.log(
    `    memory high-water over baseline: ${memory(imported)} (service and upload client in this process)`,
  );

  await database.drop();
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
