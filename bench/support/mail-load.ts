/** The SMTP sink process and the invitation messages of the mail benchmarks (mail-pipeline, memory). */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { createTransport } from 'nodemailer';
import { TestVhost } from '@app/testing';
import { ics, seedDomain, seedUser } from '../../test/events/support/notification-fixtures';

const LANGUAGES = ['en', 'fr', 'ru', 'vi'];
const ZONES = ['Europe/Paris', 'America/New_York', 'Europe/Moscow', 'Asia/Ho_Chi_Minh'];

export interface SinkStats {
  accepted: number;
  firstAt: number;
  lastAt: number;
}
export interface SinkMail {
  from: string;
  to: string[];
  raw: string;
}

export class Sink {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<Sink> {
    const child = fork(join(__dirname, 'smtp-sink.mjs'), [], {
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

  get pid(): number {
    return this.child.pid!;
  }
}

export function invitation(index: number, run: string) {
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

export async function publishAll(vhost: TestVhost, count: number, run: string): Promise<number> {
  const messages = Array.from({ length: count }, (_, index) => invitation(index, run));
  const started = Date.now();
  await vhost.publishMany('calendar:event:notificationEmail:send', messages);
  return started;
}

/** The organizer and 100 recipients in four languages and time zones, in the domain bench.test. */
export async function seedMailPeople(db: Db): Promise<void> {
  const domain = await seedDomain(db, 'bench.test');
  await seedUser(db, domain, {
    email: 'organizer@bench.test',
    firstname: 'Olga',
    lastname: 'Organizer',
    language: 'fr',
  });
  for (let index = 0; index < 100; index++)
    await seedUser(db, domain, {
      email: `user${index}@bench.test`,
      firstname: `User${index}`,
      lastname: 'Bench',
      language: LANGUAGES[index % 4],
      timeZone: ZONES[index % 4],
    });
}

/**
 * The raw-SMTP baseline: the same mails sent straight to the sink with nodemailer, `concurrency` at a time (the
 * consumer's concurrency); resolves with the start time in ms.
 */
export async function sendRaw(port: number, concurrency: number, mails: SinkMail[]): Promise<number> {
  const transport = createTransport({ host: '127.0.0.1', port, pool: false, ignoreTLS: true });
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
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
