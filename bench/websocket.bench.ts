/**
 * WebSocket push at scale: 5,000 sockets registered on one calendar (250 users × 20 sockets, clients in their own
 * process), Sabre messages published on `calendar:event:updated`, time from publication to each frame received
 * (p50, p99, last), first with the clients on the consuming node (local delivery), then on a second node that consumes
 * nothing (every frame crosses Redis pub/sub). The sync token is read from an instant DAV stand-in (one read per user
 * and message), so the figures are the service's own path: AMQP → pipeline → bus → DAV read → frame. Also the server
 * memory per idle socket (heap and RSS growth while 5,000 sockets are open, after GC).
 *
 *   npx ts-node -r tsconfig-paths/register bench/websocket.bench.ts [sockets] [messages]
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ObjectId } from 'mongodb';
import { TicketService } from '@app/auth';
import { TestDatabase, TestVhost } from '@app/testing';
import { ServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import {
  benchEngines,
  format,
  loadAverage,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';

const SOCKETS = Number(process.argv[2] ?? 5_000);
const MESSAGES = Number(process.argv[3] ?? (process.env.BENCH_QUICK === '0' ? 50 : 20));
const PER_USER = 20;
const DOMAIN = 'bench.test';
const now = () => performance.timeOrigin + performance.now();
const gc = () => (global as { gc?: () => void }).gc?.();

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** esn-sabre's sync-token read answered at once; the token is the number of the message being pushed. */
async function instantDav(token: () => string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ 'calendarserver:ctag': token() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Clients {
  open(urls: string[], register: string): Promise<number>;
  collect(): Promise<Record<string, number[]>>;
  close(): void;
}

function startClients(): Clients {
  const child = fork(join(__dirname, 'support', 'ws-clients.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(message: object, key: string) =>
    new Promise<T>((resolve, reject) => {
      const listener = (answer: Record<string, unknown>) => {
        if (answer.error) reject(new Error(String(answer.error)));
        else if (key in answer) resolve(answer[key] as T);
        else return;
        child.off('message', listener);
      };
      child.on('message', listener);
      child.send(message);
    });
  return {
    open: (urls, register) => ask({ open: { urls, register } }, 'opened'),
    collect: () => ask({ collect: true }, 'received'),
    close: () => child.send({ close: true }),
  };
}

async function main(): Promise<void> {
  prepareBenchEnvironment({
    WEBSOCKET_MAX_SOCKETS_PER_USER: String(PER_USER),
    WEBSOCKET_PING_INTERVAL: '60s',
  });
  const engine = benchEngines()[0]!;
  useEngine(engine);
  let token = 0;
  const dav = await instantDav(() => String(token));
  const consuming = await TestVhost.create();
  const idle = await TestVhost.create();
  const database = await TestDatabase.open();
  const domainId = new ObjectId();
  await database.db.collection('domains').insertOne({ _id: domainId, name: DOMAIN, hostnames: [DOMAIN] });
  const users = Array.from({ length: Math.ceil(SOCKETS / PER_USER) }, (_, i) => `user${i}@${DOMAIN}`);
  await database.db.collection('users').insertMany(
    users.map((email) => ({
      _id: new ObjectId(),
      firstname: 'Bench',
      lastname: email,
      accounts: [{ type: 'email', hosted: true, emails: [email] }],
      domains: [{ domain_id: domainId, joined_at: new Date() }],
    })),
  );

  const boot = async (vhost: TestVhost): Promise<{ apps: ServiceApps; url: string }> => {
    Object.assign(process.env, vhost.env(), { DAV_URL: dav.url });
    const apps = await createServiceApps();
    await apps.api.listen(0, '127.0.0.1');
    return { apps, url: `ws://127.0.0.1:${(apps.api.getHttpServer().address() as AddressInfo).port}` };
  };
  const nodeA = await boot(consuming);
  const nodeB = await boot(idle);
  const calendar = `/calendars/${new ObjectId().toHexString()}/shared`;

  const measure = async (node: { apps: ServiceApps; url: string }, label: string) => {
    const tickets = node.apps.api.get(TicketService);
    const urls: string[] = [];
    for (let i = 0; i < SOCKETS; i++)
      urls.push(
        `${node.url}/ws?ticket=${(await tickets.issue(users[i % users.length]!, '127.0.0.1')).value}`,
      );
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    const clients = startClients();
    const opened = await clients.open(urls, calendar);
    gc();
    await new Promise((resolve) => setTimeout(resolve, 500));
    gc();
    const perSocket = {
      heap: (process.memoryUsage().heapUsed - heapBefore) / opened,
      rss: (process.memoryUsage().rss - rssBefore) / opened,
    };
    const publishedAt = new Map<string, number>();
    for (let i = 0; i < MESSAGES; i++) {
      token++;
      publishedAt.set(String(token), now());
      await consuming.publish('calendar:event:updated', {
        eventPath: `${calendar}/e${i}.ics`,
        event: ['vcalendar', [], [['vevent', [['uid', {}, 'text', `e${i}`]], []]]],
        rawEvent: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        import: false,
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const received = await clients.collect();
    clients.close();
    const latencies: number[] = [];
    const lasts: number[] = [];
    let frames = 0;
    for (const [value, times] of Object.entries(received)) {
      const start = publishedAt.get(value);
      if (start === undefined) continue;
      frames += times.length;
      for (const time of times) latencies.push(time - start);
      lasts.push(Math.max(...times) - start);
    }
    latencies.sort((a, b) => a - b);
    lasts.sort((a, b) => a - b);
    const expected = opened * MESSAGES;
    process.stdout.write(
      `${label}: ${opened} sockets, ${MESSAGES} messages, ${frames}/${expected} frames; publish→frame p50 ` +
        `${format(percentile(latencies, 0.5))} ms, p99 ${format(percentile(latencies, 0.99))} ms, last frame p50 ` +
        `${format(percentile(lasts, 0.5))} ms; server memory per idle socket: heap ${format(perSocket.heap / 1024)} KiB, ` +
        `RSS ${format(perSocket.rss / 1024)} KiB (load ${loadAverage()})\n`,
    );
    const note = `${frames}/${expected} frames, last frame p50 ${format(percentile(lasts, 0.5))} ms`;
    reportRow({
      bench: 'websocket',
      figure: `${label}: publish→frame p50`,
      value: percentile(latencies, 0.5),
      unit: 'ms',
      engine,
      note,
    });
    reportRow({
      bench: 'websocket',
      figure: `${label}: publish→frame p99`,
      value: percentile(latencies, 0.99),
      unit: 'ms',
      engine,
      note,
    });
    reportRow({
      bench: 'websocket',
      figure: `${label}: server heap per idle socket`,
      value: perSocket.heap / 1024,
      unit: 'KiB',
      goal: { op: '<=', target: 20 },
      engine,
      note: `RSS growth ${format(perSocket.rss / 1024)} KiB per socket`,
    });
    if (frames < expected) throw new Error(`${label}: ${expected - frames} frames missing`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  };

  await measure(nodeA, 'local (clients on the consuming node)');
  await measure(nodeB, 'through Redis (clients on another node)');
  dav.close();
  await database.drop().catch(() => undefined);
  await consuming.delete();
  await idle.delete();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
