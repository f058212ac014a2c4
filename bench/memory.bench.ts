/**
 * Memory of the service as it runs in production: the compiled service (`npm run build`, then
 * `node dist/apps/side-service/src/main.js`) in its own process, its VmRSS and VmHWM read from /proc/<pid>/status:
 * - idle, a few seconds after start (goal <= 150 MB);
 * - after the API load run (GET /api/user and people search with 10,000 users, as in api.bench.ts; goal <= 2x idle);
 * - while 5,000 invitations go through the mail pipeline (the highest RSS sampled; goal <= 300 MB).
 * On both engines. With BENCH_HEAP=1 a heap snapshot is written to .bench-logs/ after the mail run.
 *
 *   npx ts-node -r tsconfig-paths/register bench/memory.bench.ts [mails]
 */
import 'reflect-metadata';
import { ObjectId } from 'mongodb';
import { TestDatabase, TestOidcProvider, TestVhost, writeRsaKeyPair } from '@app/testing';
import {
  Engine,
  benchEngines,
  cpuMsOf,
  format,
  load,
  loadAverage,
  memoryOf,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';
import { buildService, freePort, startFlags, startService, stopService } from './support/compiled-service';
import { Sink, publishAll, seedMailPeople } from './support/mail-load';

const USERS = 10_000;
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

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const mails = Number(process.argv[2] ?? 5000);
  buildService();
  const provider = await TestOidcProvider.start();
  const sink = await Sink.start();
  const keys = writeRsaKeyPair();
  prepareBenchEnvironment({
    ...provider.env(),
    DOMAINS: 'twake.test',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
    JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
    LOG_LEVEL: 'warn',
  });
  await provider.addAccount({
    sub: 'bench-sub',
    email: 'bench@twake.test',
    given_name: 'Bench',
    family_name: 'User',
  });
  try {
    for (const engine of benchEngines()) await runOn(engine, provider, sink, mails, quick ? 4 : 8);
  } finally {
    sink.stop();
    await provider.stop();
  }
}

async function runOn(
  engine: Engine,
  provider: TestOidcProvider,
  sink: Sink,
  mails: number,
  seconds: number,
): Promise<void> {
  useEngine(engine);
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const port = await freePort();
  const service = await startService(port, { log: 'memory-service' });
  const database = await TestDatabase.open();
  try {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idle = memoryOf(service.pid!);

    await seedUsers(database);
    const token = await provider.issueToken({ sub: 'bench-sub', sid: `bench-${Date.now()}` });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const base = `http://127.0.0.1:${port}`;
    const apiCpuBefore = cpuMsOf(service.pid!);
    const profile = await load(`${base}/api/user`, { durationMs: seconds * 1000, connections: 32, headers });
    const profileCpu = (cpuMsOf(service.pid!) - apiCpuBefore) / profile.requests;
    const search = await load(`${base}/api/people/search`, {
      durationMs: seconds * 1000,
      connections: 32,
      headers,
      method: 'POST',
      body: SEARCH,
    });
    if (profile.errors + search.errors > 0)
      throw new Error(`API load errors: ${profile.errors + search.errors}`);
    const apiCpu = (cpuMsOf(service.pid!) - apiCpuBefore) / (profile.requests + search.requests);
    const afterLoad = memoryOf(service.pid!);

    await seedMailPeople(database.db);
    await sink.reset();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(service.pid!).rssMb)), 100);
    const mailCpuBefore = cpuMsOf(service.pid!);
    await publishAll(vhost, mails, 'memory');
    await sink.waitFor(mails, 10 * 60_000);
    clearInterval(sampler);
    const mailCpu = (cpuMsOf(service.pid!) - mailCpuBefore) / mails;
    const afterMail = memoryOf(service.pid!);
    peak = Math.max(peak, afterMail.rssMb);

    console.log(
      `memory benchmark on ${engine} (compiled service in its own process, node ${startFlags().join(' ')}; ` +
        `load ${loadAverage()})`,
    );
    console.log(
      `  idle after start:          RSS ${format(idle.rssMb)} MB, high-water ${format(idle.hwmMb)} MB`,
    );
    console.log(
      `  after the API load run:    RSS ${format(afterLoad.rssMb)} MB, high-water ${format(afterLoad.hwmMb)} MB ` +
        `(${format(profile.rps, 0)} + ${format(search.rps, 0)} req/s, ${seconds}s each, ` +
        `service CPU ${format(apiCpu, 3)} ms/request, ${format(profileCpu, 3)} for GET /api/user)`,
    );
    console.log(
      `  while sending ${mails} mails: highest RSS sampled ${format(peak)} MB, high-water ${format(afterMail.hwmMb)} MB ` +
        `(service CPU ${format(mailCpu, 2)} ms/mail)`,
    );
    reportRow({
      bench: 'memory',
      figure: 'idle RSS after start',
      value: idle.rssMb,
      unit: 'MB',
      goal: { op: '<=', target: 150 },
      engine,
      note: `VmHWM ${format(idle.hwmMb)} MB`,
    });
    reportRow({
      bench: 'memory',
      figure: 'RSS after the API load run',
      value: afterLoad.rssMb,
      unit: 'MB',
      baseline: idle.rssMb,
      baselineLabel: 'idle RSS',
      ratio: afterLoad.rssMb / idle.rssMb,
      goal: { op: '<=', target: 2 },
      engine,
    });
    reportRow({
      bench: 'memory',
      figure: `highest RSS while sending ${mails} mails`,
      value: peak,
      unit: 'MB',
      goal: { op: '<=', target: 300 },
      engine,
      note: `VmHWM ${format(afterMail.hwmMb)} MB`,
    });
  } finally {
    await stopService(service);
    await database.drop().catch(() => undefined);
    await database.close();
    await vhost.delete();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
