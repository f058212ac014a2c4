/**
 * Mail pipeline throughput: 5,000 esn-sabre-shaped invitation messages published to
 * `calendar:event:notificationEmail:send`, timed from the first publication to the SMTP server's acceptance of
 * the last mail (consumer, validation, ICS parsing, settings look-ups, rendering, signed answer links,
 * idempotency records in MongoDB, SMTP with one connection per mail). Then the very same 5,000 mails (their
 * raw MIME, as the server received them) are sent straight to the same SMTP server with nodemailer, with the
 * consumer's concurrency (16) and one connection per mail. Prints both rates, their ratio (target >= 0.7) and
 * the resident memory at the end.
 *
 *   npx ts-node -r tsconfig-paths/register bench/mail-pipeline.bench.ts [messages]
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { TestDatabase, TestVhost, writeRsaKeyPair } from '@app/testing';
import { closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import { ics, seedDomain, seedUser } from '../test/events/support/notification-fixtures';
import { format, prepareBenchEnvironment } from './support/bench-env';

const CONCURRENCY = 16;
const LANGUAGES = ['en', 'fr', 'ru', 'vi'];
const ZONES = ['Europe/Paris', 'America/New_York', 'Europe/Moscow', 'Asia/Ho_Chi_Minh'];

interface SinkStats {
  accepted: number;
  firstAt: number;
  lastAt: number;
}
interface SinkMail {
  from: string;
  to: string[];
  raw: string;
}

class Sink {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<Sink> {
    const child = fork(join(__dirname, 'support', 'smtp-sink.mjs'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve) =>
      child.on(
        'message',
        (message: { type: string; port?: number }) => message.type === 'ready' && resolve(message.port!),
      ),
    );
    return new Sink(child, port);
  }

  private ask<T>(message: object, type: string): Promise<T> {
    return new Promise((resolve) => {
      const listener = (answer: { type: string }) => {
        if (answer.type !== type) return;
        this.child.off('message', listener);
        resolve(answer as T);
      };
      this.child.on('message', listener);
      this.child.send(message);
    });
  }

  stats = () => this.ask<SinkStats>({ type: 'stats' }, 'stats');
  reset = (keep = false) => this.ask<unknown>({ type: 'reset', keep }, 'reset');
  dump = async () => (await this.ask<{ mails: SinkMail[] }>({ type: 'dump' }, 'dump')).mails;

  /** Waits for `count` accepted mails; `marks` receives the time each further thousand was reached. */
  async waitFor(count: number, timeoutMs: number, marks: number[] = []): Promise<SinkStats> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stats = await this.stats();
      while (marks.length < Math.floor(stats.accepted / 1000)) marks.push(Date.now());
      if (stats.accepted >= count) return stats;
      if (Date.now() > deadline) throw new Error(`only ${stats.accepted}/${count} mails accepted`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): void {
    this.child.kill();
  }
}

function invitation(index: number, run: string) {
  const internal = index % 2 === 0;
  const recipient = internal ? `user${index % 100}@bench.test` : `guest${index}@external.test`;
  const uid = `${run}-${index}`;
  return {
    senderEmail: 'organizer@bench.test',
    recipientEmail: recipient,
    method: 'REQUEST',
    event: ics('REQUEST', {
      uid,
      summary: `Project review #${index}`,
      start: '20300512T093000',
      end: '20300512T100000',
      organizer: { email: 'organizer@bench.test', cn: 'Olga Organizer' },
      attendees: [
        { email: 'organizer@bench.test', cn: 'Olga Organizer', partstat: 'ACCEPTED' },
        { email: recipient },
        { email: 'someone@external.test', cn: 'Someone Else' },
      ],
      location: 'Room 12, 3rd floor',
      description: 'Agenda:\n- status\n- risks\n- next steps',
      rrule: index % 5 === 0 ? 'FREQ=WEEKLY;BYDAY=MO;COUNT=8' : undefined,
    }),
    calendarURI: 'cal',
    eventPath: `/calendars/base${index % 100}/cal/${uid}.ics`,
    isNewEvent: true,
  };
}

async function publishAll(vhost: TestVhost, count: number, run: string): Promise<number> {
  const messages = Array.from({ length: count }, (_, index) => invitation(index, run));
  const started = Date.now();
  await vhost.publishMany('calendar:event:notificationEmail:send', messages);
  return started;
}

async function sendRaw(port: number, mails: SinkMail[]): Promise<number> {
  const transport = createTransport({ host: '127.0.0.1', port, pool: false, ignoreTLS: true });
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let index = next++; index < mails.length; index = next++) {
        const mail = mails[index]!;
        await transport.sendMail({
          envelope: { from: mail.from, to: mail.to },
          raw: Buffer.from(mail.raw, 'base64'),
        });
      }
    }),
  );
  return started;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 5000);
  const sink = await Sink.start();
  const keys = writeRsaKeyPair();
  prepareBenchEnvironment({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
    JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
  });
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const apps = await createServiceApps();
  const database = await TestDatabase.open();
  try {
    const domain = await seedDomain(database.db, 'bench.test');
    await seedUser(database.db, domain, {
      email: 'organizer@bench.test',
      firstname: 'Olga',
      lastname: 'Organizer',
      language: 'fr',
    });
    for (let index = 0; index < 100; index++)
      await seedUser(database.db, domain, {
        email: `user${index}@bench.test`,
        firstname: `User${index}`,
        lastname: 'Bench',
        language: LANGUAGES[index % 4],
        timeZone: ZONES[index % 4],
      });

    // Warm-up (JIT, connections, caches), not measured.
    await sink.reset();
    await publishAll(vhost, 300, 'warmup');
    await sink.waitFor(300, 60_000);

    await sink.reset(true);
    const publishedAt = await publishAll(vhost, count, 'run');
    const marks: number[] = [];
    const pipeline = await sink.waitFor(count, 10 * 60_000, marks);
    const pipelineSeconds = (pipeline.lastAt - publishedAt) / 1000;
    const mails = await sink.dump();

    await sink.reset();
    await sendRaw(sink.port, mails.slice(0, 300));
    await sink.reset();
    const rawStarted = await sendRaw(sink.port, mails);
    const raw = await sink.waitFor(count, 10 * 60_000);
    const rawSeconds = (raw.lastAt - rawStarted) / 1000;

    const rss = process.memoryUsage().rss / 1024 / 1024;
    const pipelineRate = count / pipelineSeconds;
    const rawRate = count / rawSeconds;
    console.log(
      `mail pipeline benchmark (${count} invitations, concurrency ${CONCURRENCY}, one SMTP connection per mail)`,
    );
    console.log(
      `  pipeline (publish -> SMTP accepted): ${format(pipelineSeconds, 2)} s, ${format(pipelineRate)} messages/s`,
    );
    console.log(
      `  raw SMTP send of the same mails:     ${format(rawSeconds, 2)} s, ${format(rawRate)} mails/s`,
    );
    console.log(`  ratio pipeline / raw: ${format(pipelineRate / rawRate, 2)} (target >= 0.7)`);
    console.log(`  resident memory at the end: ${format(rss)} MiB`);
    const steps = marks.map((mark, index) =>
      format(1000 / ((mark - (marks[index - 1] ?? publishedAt)) / 1000)),
    );
    console.log(`  pipeline rate per thousand mails (messages/s): ${steps.join(', ')}`);
  } finally {
    await closeServiceApps(apps);
    await database.drop().catch(() => undefined);
    await database.close();
    await vhost.delete();
    sink.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
