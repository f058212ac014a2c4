/**
 * Alarm scheduler benchmark, on both MongoDB engines:
 *
 * 1. Sweep cost per tick: the due query of a tick (`alarmTime <= now`, earliest first, batch 1,000) with 10,000 and
 *    then 100,000 stored entries of which 1,000 are due; median of several rounds. The ratio 100k / 10k must stay
 *    <= 1.5 (the `alarmTime` index, not a scan).
 * 2. Due reminders mailed per second: 1,000 due EMAIL entries (2,000 with BENCH_QUICK=0) fired by scheduler ticks
 *    (lease, settings, rendering, delivery record, SMTP with one connection per mail, entry cleanup) until the SMTP
 *    sink accepted the last mail, against the very same mails sent straight to the same sink with nodemailer at the
 *    scheduler's concurrency (4). Goal: ratio >= 0.7.
 *
 *   npx ts-node -r tsconfig-paths/register bench/alarms.bench.ts
 */
import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { AlarmEventRepository } from '@app/persistence';
import { TestDatabase, TestVhost, calendar } from '@app/testing';
import { AlarmClock } from '../apps/side-service/src/alarms/alarm-clock';
import { ProcessDueAlarmsCommand } from '../apps/side-service/src/alarms/commands/process-due-alarms/process-due-alarms.command';
import { ALARM_CONCURRENCY } from '../apps/side-service/src/alarms/commands/process-due-alarms/process-due-alarms.handler';
import { closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import { Sink, sendRaw } from './support/mail-load';
import {
  Engine,
  benchEngines,
  cpuMsOf,
  format,
  loadAverage,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';

const NOW = new Date('2030-05-20T09:55:00Z');
const DUE = 1000;
const SWEEP_ROUNDS = 9;

function eventIcs(uid: string, recipient: string, summary: string): string {
  return calendar(undefined, [
    `UID:${uid}`,
    'DTSTAMP:20300101T000000Z',
    `SUMMARY:${summary}`,
    'LOCATION:Room 4',
    `ORGANIZER:mailto:${recipient}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${recipient}`,
    'DTSTART:20300520T100000Z',
    'BEGIN:VALARM',
    'TRIGGER:-PT5M',
    'ACTION:EMAIL',
    'END:VALARM',
  ]);
}

function entries(
  from: number,
  count: number,
  due: boolean,
  ics?: (uid: string, to: string) => string,
  prefix = 'bench',
) {
  return Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    const uid = `${prefix}-${index}`;
    const recipient = `${prefix}${index}@bench.test`;
    return {
      eventUid: uid,
      recipient,
      // not due: spread over the year after now. A mailed entry's time is its calendar's own alarm (DTSTART 10:00,
      // TRIGGER -PT5M: NOW): an earlier one was moved on to that alarm, due again, and processed twice.
      alarmTime: due
        ? ics
          ? NOW
          : new Date(NOW.getTime() - (index % 600) * 1000)
        : new Date(NOW.getTime() + 60_000 + index * 1000),
      eventStartTime: new Date('2030-05-20T10:00:00Z'),
      recurring: false,
      ics: ics ? ics(uid, recipient) : 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      eventPath: `/calendars/home/home/${uid}.ics`,
      action: 'EMAIL',
    };
  });
}

async function insertChunked(database: TestDatabase, documents: object[]): Promise<void> {
  for (let index = 0; index < documents.length; index += 5000)
    await database.db
      .collection('twake_calendar_alarm_events')
      .insertMany(documents.slice(index, index + 5000));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function sweepMs(repository: AlarmEventRepository): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < SWEEP_ROUNDS; round++) {
    const started = process.hrtime.bigint();
    const due = await repository.findDue(NOW, DUE);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (due.length !== DUE) throw new Error(`expected ${DUE} due entries, found ${due.length}`);
  }
  return median(times);
}

async function runOn(engine: Engine, sink: Sink, mailCount: number): Promise<void> {
  useEngine(engine);
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const apps = await createServiceApps();
  const database = await TestDatabase.open();
  const clock = apps.api.get(AlarmClock);
  clock.now = () => NOW;
  const repository = apps.api.get(AlarmEventRepository);
  const commandBus = apps.api.get(CommandBus);
  try {
    // 1. sweep cost: 1,000 due among 10,000, then among 100,000
    await insertChunked(database, [...entries(0, DUE, true), ...entries(DUE, 9_000, false)]);
    await sweepMs(repository); // warm-up
    const small = await sweepMs(repository);
    await insertChunked(database, entries(10_000, 90_000, false));
    await sweepMs(repository);
    const large = await sweepMs(repository);
    console.log(`alarm benchmark on ${engine} (load ${loadAverage()})`);
    console.log(
      `  due query of a tick (batch ${DUE}, ${DUE} due): ${format(small, 2)} ms with 10k entries, ` +
        `${format(large, 2)} ms with 100k; ratio ${format(large / small, 2)} (target <= 1.5)`,
    );
    reportRow({
      bench: 'alarms',
      figure: `tick due query, ${DUE} due of 100k vs 10k entries`,
      value: large,
      unit: 'ms',
      baseline: small,
      baselineLabel: '10k entries',
      ratio: large / small,
      goal: { op: '<=', target: 1.5 },
      engine,
    });
    // the due ones go; the 99,000 others stay (the mailing run below works among them)
    await database.db.collection('twake_calendar_alarm_events').deleteMany({ alarmTime: { $lte: NOW } });

    // 2. due reminders mailed per second vs raw SMTP
    const ics = (uid: string, to: string) => eventIcs(uid, to, `Reminder bench ${uid}`);
    await insertChunked(database, entries(0, 200, true, ics, 'warm'));
    await sink.reset();
    while ((await commandBus.execute(new ProcessDueAlarmsCommand())).due > 0);
    await sink.waitFor(200, 60_000);

    await insertChunked(database, entries(0, mailCount, true, ics, 'mail'));
    await sink.reset(true);
    const cpuBefore = cpuMsOf();
    const started = Date.now();
    while ((await commandBus.execute(new ProcessDueAlarmsCommand())).due > 0);
    const fired = await sink.waitFor(mailCount, 10 * 60_000);
    const schedulerSeconds = (fired.lastAt - started) / 1000;
    const serviceCpu = cpuMsOf() - cpuBefore;
    const mails = await sink.dump();

    await sink.reset();
    await sendRaw(sink.port, ALARM_CONCURRENCY, mails.slice(0, 200));
    await sink.reset();
    const rawCpuBefore = cpuMsOf();
    const rawStarted = await sendRaw(sink.port, ALARM_CONCURRENCY, mails);
    const raw = await sink.waitFor(mailCount, 10 * 60_000);
    const rawSeconds = (raw.lastAt - rawStarted) / 1000;
    const rawCpu = cpuMsOf() - rawCpuBefore;
    const rate = mailCount / schedulerSeconds;
    const rawRate = mailCount / rawSeconds;
    console.log(
      `  ${mailCount} due reminders: ${format(schedulerSeconds, 2)} s, ${format(rate)} mails/s, service CPU ` +
        `${format(serviceCpu / mailCount, 2)} ms/mail; raw SMTP (concurrency ${ALARM_CONCURRENCY}): ` +
        `${format(rawSeconds, 2)} s, ${format(rawRate)} mails/s, ${format(rawCpu / mailCount, 2)} ms/mail; ` +
        `ratio ${format(rate / rawRate, 2)} (target >= 0.7)`,
    );
    reportRow({
      bench: 'alarms',
      figure: `${mailCount} due reminders, tick -> SMTP accepted`,
      value: rate,
      unit: 'mails/s',
      baseline: rawRate,
      baselineLabel: 'raw SMTP, same mails, same concurrency',
      ratio: rate / rawRate,
      goal: { op: '>=', target: 0.7 },
      engine,
      note: `service CPU ${format(serviceCpu / mailCount, 2)} ms/mail vs sender ${format(rawCpu / mailCount, 2)} ms/mail`,
    });
  } finally {
    await closeServiceApps(apps);
    await database.drop().catch(() => undefined);
    await database.close();
    await vhost.delete();
  }
}

async function main(): Promise<void> {
  const mailCount = process.env.BENCH_QUICK === '0' ? 2000 : 1000;
  const sink = await Sink.start();
  prepareBenchEnvironment({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    ALARM_SCHEDULER_MODE: 'cluster',
    ALARM_SCHEDULER_BATCH_SIZE: String(DUE),
    // ticks are driven by the benchmark: the scheduler's own first tick never comes during the run
    ALARM_SCHEDULER_INITIAL_JITTER_MAX: '1h',
  });
  try {
    for (const engine of benchEngines()) await runOn(engine, sink, mailCount);
  } finally {
    sink.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
