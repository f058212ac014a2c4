/**
 * Mail pipeline throughput: 5,000 esn-sabre-shaped invitation messages published to
 * `calendar:event:notificationEmail:send`, timed from the first publication to the SMTP server's acceptance of
 * the last mail (consumer, validation, ICS parsing, settings look-ups, rendering, signed answer links,
 * idempotency records in MongoDB, SMTP with one connection per mail). Then the very same 5,000 mails (their
 * raw MIME, as the server received them) are sent straight to the same SMTP server with nodemailer, with the
 * consumer's concurrency (16) and one connection per mail. Prints both rates, their ratio (target >= 0.7) and
 * the resident memory at the end.
 *
 * The service is the compiled build as shipped (`npm run build`, npm start's flags) in its own process, so that its
 * CPU per mail is its own (not the benchmark's publishing and bookkeeping); BENCH_SKIP_BUILD=1 reuses dist/. With
 * BENCH_PROFILE=1 it writes a CPU profile of its whole run to .bench-logs/mail-pipeline-<engine>-service.cpuprofile.
 *
 *   npx ts-node -r tsconfig-paths/register bench/mail-pipeline.bench.ts [messages]
 */
import 'reflect-metadata';
import { TestDatabase, TestVhost, writeRsaKeyPair } from '@app/testing';
import { Sink, sendRaw, publishAll, seedMailPeople } from './support/mail-load';
import {
  Engine,
  ROOT,
  benchEngines,
  cpuMsOf,
  format,
  loadAverage,
  memoryOf,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';
import { buildService, freePort, startService, stopService } from './support/compiled-service';

const CONCURRENCY = 16;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? (process.env.BENCH_QUICK === '1' ? 2000 : 5000));
  buildService();
  const sink = await Sink.start();
  const keys = writeRsaKeyPair();
  prepareBenchEnvironment({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
    JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
  });
  try {
    for (const engine of benchEngines()) await runOn(engine, count, sink);
  } finally {
    sink.stop();
  }
}

async function runOn(engine: Engine, count: number, sink: Sink): Promise<void> {
  useEngine(engine);
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const database = await TestDatabase.open();
  const name = `mail-pipeline-${engine}-service`;
  const profileFlags = [
    '--cpu-prof',
    `--cpu-prof-dir=${ROOT}/.bench-logs`,
    `--cpu-prof-name=${name}.cpuprofile`,
  ];
  const service = await startService(await freePort(), {
    log: name,
    extraFlags: process.env.BENCH_PROFILE === '1' ? profileFlags : [],
  });
  const pid = service.pid!;
  try {
    await seedMailPeople(database.db);

    // Warm-up (JIT, connections, caches), not measured.
    await sink.reset();
    await publishAll(vhost, 300, 'warmup');
    await sink.waitFor(300, 60_000);

    await sink.reset(true);
    const cpuBefore = cpuMsOf(pid);
    const sinkCpuBefore = cpuMsOf(sink.pid);
    const marks: number[] = [];
    const publishedAt = await publishAll(vhost, count, 'run');
    const pipeline = await sink.waitFor(count, 10 * 60_000, marks);
    const pipelineSeconds = (pipeline.lastAt - publishedAt) / 1000;
    const serviceCpu = cpuMsOf(pid) - cpuBefore;
    const sinkCpu = cpuMsOf(sink.pid) - sinkCpuBefore;
    const rss = memoryOf(pid);
    const mails = await sink.dump();

    await sink.reset();
    await sendRaw(sink.port, CONCURRENCY, mails.slice(0, 300));
    await sink.reset();
    const rawCpuBefore = cpuMsOf();
    const rawStarted = await sendRaw(sink.port, CONCURRENCY, mails);
    const raw = await sink.waitFor(count, 10 * 60_000);
    const rawSeconds = (raw.lastAt - rawStarted) / 1000;
    const rawCpu = cpuMsOf() - rawCpuBefore;

    const pipelineRate = count / pipelineSeconds;
    const rawRate = count / rawSeconds;
    console.log(
      `mail pipeline benchmark on ${engine} (${count} invitations, concurrency ${CONCURRENCY}, one SMTP connection ` +
        `per mail, sink without greeting delay; load ${loadAverage()})`,
    );
    console.log(
      `  pipeline (publish -> SMTP accepted): ${format(pipelineSeconds, 2)} s, ${format(pipelineRate)} messages/s, ` +
        `service CPU ${format(serviceCpu / count, 2)} ms/mail, sink CPU ${format(sinkCpu / count, 2)} ms/mail`,
    );
    console.log(
      `  raw SMTP send of the same mails:     ${format(rawSeconds, 2)} s, ${format(rawRate)} mails/s, ` +
        `sender CPU ${format(rawCpu / count, 2)} ms/mail`,
    );
    console.log(`  ratio pipeline / raw: ${format(pipelineRate / rawRate, 2)} (target >= 0.7)`);
    console.log(
      `  resident memory of the service at the end: ${format(rss.rssMb)} MiB, high-water ${format(rss.hwmMb)} MiB`,
    );
    const steps = marks.map((mark, index) =>
      format(1000 / ((mark - (marks[index - 1] ?? publishedAt)) / 1000)),
    );
    console.log(`  pipeline rate per thousand mails (messages/s): ${steps.join(', ')}`);
    reportRow({
      bench: 'mail-pipeline',
      figure: `${count} invitations, publish -> SMTP accepted`,
      value: pipelineRate,
      unit: 'mails/s',
      baseline: rawRate,
      baselineLabel: 'raw SMTP, same mails',
      ratio: pipelineRate / rawRate,
      goal: { op: '>=', target: 0.7 },
      engine,
      note: `service CPU ${format(serviceCpu / count, 2)} ms/mail vs sender ${format(rawCpu / count, 2)} ms/mail`,
    });
    reportRow({
      bench: 'mail-pipeline',
      figure: 'service CPU per mail',
      value: serviceCpu / count,
      unit: 'ms',
      baseline: rawCpu / count,
      baselineLabel: 'raw SMTP sender',
      engine,
    });
  } finally {
    await stopService(service);
    if (process.env.BENCH_PROFILE === '1')
      console.log(`  CPU profile of the service: .bench-logs/${name}.cpuprofile`);
    await database.drop().catch(() => undefined);
    await database.close();
    await vhost.delete();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
