/**
 * Throughput of the scheduling bridge: 1,000 events with 5 attendees each published on `calendar:itip:localDelivery`
 * as multi-recipient REQUESTs (as esn-sabre would for a PUT), through the fan-out, `POST /itip` on the esn-sabre
 * double in front of Radicale, the recipient's event path (UID REPORT) and the publication of the notification
 * messages. The ceiling is the double's own rate for the same two requests per copy, measured first, at the same
 * concurrency as the consumer's prefetch. The service's mail consumer runs meanwhile (mails to the stack's MailDev).
 *
 *   npx ts-node -r tsconfig-paths/register bench/itip.bench.ts [events] [attendees]
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfirmChannel, connect } from 'amqplib';
import { ObjectId } from 'mongodb';
import { TestDatabase, TestVhost } from '@app/testing';
import { AppModule } from '../apps/side-service/src/app.module';
import { EsnSabreDouble } from '../test/support/esn-sabre/esn-sabre-double';
import { format, prepareBenchEnvironment } from './support/bench-env';

const ITIP_EXCHANGE = 'calendar:itip:localDelivery';
const ITIP_QUEUE = 'tcalendar:itip:localDelivery';
const NOTIFICATION_EXCHANGE = 'calendar:event:notificationEmail:send';
const DOMAIN = 'bench.test';
const PREFETCH = 16;
/** Events each recipient calendar holds at the end of a phase. */
const OBJECTS_PER_CALENDAR = 20;

const request = (uid: string, organizer: string, attendees: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sabre//Sabre VObject 4.5.6//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260110T081500Z',
    'SEQUENCE:0',
    'DTSTART:20300512T073000Z',
    'DTEND:20300512T080000Z',
    'SUMMARY:Bench meeting',
    `ORGANIZER:mailto:${organizer}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${organizer}`,
    ...attendees.map((email) => `ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${email}`),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

async function seedUsers(database: TestDatabase, count: number): Promise<string[]> {
  const domain = await database.db.collection('domains').findOne({ name: DOMAIN });
  if (!domain) throw new Error(`domain ${DOMAIN} is missing`);
  const emails = Array.from({ length: count }, (_, index) => `user${index}@${DOMAIN}`);
  await database.db.collection('users').insertMany(
    emails.map((email) => ({
      _id: new ObjectId(),
      firstname: email.split('@')[0],
      lastname: 'Bench',
      accounts: [{ type: 'email', hosted: true, emails: [email] }],
      domains: [{ domain_id: domain._id, joined_at: new Date() }],
      timestamps: { creation: new Date() },
      schemaVersion: 2,
    })),
  );
  return emails;
}

/** The double's own rate for what the bridge asks per copy: `POST /itip` then the UID REPORT, as the recipient. */
async function doubleCeiling(double: EsnSabreDouble, recipients: string[], copies: number): Promise<number> {
  const auth = (email: string) =>
    `Basic ${Buffer.from(`${process.env.DAV_ADMIN_USER}&${email}:${process.env.DAV_ADMIN_PASSWORD}`).toString('base64')}`;
  const run = `ceiling-${Date.now()}`;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < copies; index = next++) {
      const recipient = recipients[index % recipients.length]!;
      const uid = `${run}-${index}`;
      const headers = {
        authorization: auth(recipient),
        'content-type': 'application/json',
        accept: 'application/json',
      };
      const body = { uid, sender: 'organizer@bench.test', recipient, method: 'REQUEST', sequence: 0 };
      const itip = await fetch(`${double.url}/itip`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...body, ical: request(uid, 'organizer@bench.test', [recipient]) }),
      });
      if (itip.status !== 204) throw new Error(`/itip answered ${itip.status}: ${await itip.text()}`);
      const report = await fetch(`${double.url}/calendars/${await idOf(recipient)}.json`, {
        method: 'REPORT',
        headers,
        body: JSON.stringify({ uid }),
      });
      await report.arrayBuffer();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: PREFETCH }, worker));
  return copies / ((performance.now() - started) / 1000);
}

const ids = new Map<string, string>();
let idsDatabase: TestDatabase;
async function idOf(email: string): Promise<string> {
  let id = ids.get(email);
  if (!id) {
    const user = await idsDatabase.db.collection('users').findOne({ 'accounts.emails': email });
    id = user!._id.toHexString();
    ids.set(email, id);
  }
  return id;
}

async function publishAll(uri: string, bodies: object[]): Promise<void> {
  const model = await connect(uri);
  const channel: ConfirmChannel = await model.createConfirmChannel();
  for (const body of bodies) channel.publish(ITIP_EXCHANGE, '', Buffer.from(JSON.stringify(body)));
  await channel.waitForConfirms();
  await model.close();
}

/**
 * Counts the messages published on `exchange` until `target` arrived, or until the local-delivery queue is empty
 * and nothing arrived for `idleMs` (dead-lettered copies never produce theirs). Returns the count and the instant
 * of the last one.
 */
async function countNotifications(
  uri: string,
  exchange: string,
  target: number,
  idleMs: number,
): Promise<{ count: number; lastAt: number }> {
  const model = await connect(uri);
  const channel = await model.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, exchange, '');
  let count = 0;
  let lastAt = performance.now();
  await channel.consume(
    queue,
    () => {
      count++;
      lastAt = performance.now();
    },
    { noAck: true },
  );
  const check = await model.createChannel();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (count >= target) break;
    const { messageCount } = await check.checkQueue(ITIP_QUEUE);
    if (messageCount === 0 && performance.now() - lastAt > idleMs) break;
  }
  await model.close();
  return { count, lastAt };
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 1000);
  const attendeesPerEvent = Number(process.argv[3] ?? 5);
  prepareBenchEnvironment({
    DOMAINS: DOMAIN,
    ITIP_EVENT_MESSAGES_PREFETCH_COUNT: String(PREFETCH),
    // Radicale on a shared two-core machine answers slowly under this load: no timeout within the run.
    DAV_RESPONSE_TIMEOUT: '60000',
  });
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const database = await TestDatabase.open();
  idsDatabase = database;
  const double = await EsnSabreDouble.start({
    radicaleUrl: process.env.DAV_URL!,
    db: database.db,
    adminUser: process.env.DAV_ADMIN_USER!,
    adminPassword: process.env.DAV_ADMIN_PASSWORD!,
  });
  process.env.DAV_URL = double.url;
  const app = await NestFactory.create(AppModule.forRoot(), { logger: false });
  await app.init();

  // The bridge and the ceiling get their own recipients, as many objects per calendar at the end (Radicale's
  // cost grows with the calendar); every recipient is new to the double in both (first-contact costs alike).
  const expected = events * attendeesPerEvent;
  const ceilingCopies = Math.min(1000, expected);
  const poolSize = Math.max(attendeesPerEvent, Math.round(expected / OBJECTS_PER_CALENDAR));
  const ceilingPoolSize = Math.max(1, Math.round(ceilingCopies / OBJECTS_PER_CALENDAR));
  const users = await seedUsers(database, 1 + poolSize + ceilingPoolSize + 4);
  const organizer = users[0]!;
  const pool = users.slice(1, 1 + poolSize);
  const ceilingPool = users.slice(1 + poolSize, 1 + poolSize + ceilingPoolSize);
  await doubleCeiling(double, users.slice(-4), 16); // warm-up: JIT and connection pools
  const ceiling = await doubleCeiling(double, ceilingPool, ceilingCopies);

  const run = Date.now().toString(36);
  const bodies = Array.from({ length: events }, (_, index) => {
    const uid = `bench-${run}-${index}`;
    const attendees = Array.from(
      { length: attendeesPerEvent },
      (_, offset) => pool[(index * attendeesPerEvent + offset) % pool.length]!,
    );
    return {
      sender: `mailto:${organizer}`,
      method: 'REQUEST',
      uid,
      message: request(uid, organizer, attendees),
      hasChange: true,
      recipients: attendees.map((email) => `mailto:${email}`),
      calendarId: 'bench',
      connectedUser: null,
    };
  });
  const itipBefore = double.itip.received.length;
  const started = performance.now();
  const counted = countNotifications(vhost.uri, NOTIFICATION_EXCHANGE, expected, 20_000);
  await publishAll(vhost.uri, bodies);
  const { count: notifications, lastAt } = await counted;
  const seconds = (lastAt - started) / 1000;
  const itipCalls = double.itip.received.length - itipBefore;
  const copiesPerSecond = notifications / seconds;

  console.log(
    `iTIP local-delivery benchmark: ${events} events x ${attendeesPerEvent} attendees, prefetch ${PREFETCH}, esn-sabre double on Radicale`,
  );
  console.log(
    `  bridge   ${format(seconds, 2)} s: ${format(events / seconds)} events/s, ${format(copiesPerSecond)} recipients/s (fan-out, /itip, REPORT, notification)`,
  );
  console.log(
    `           ${itipCalls} /itip calls, ${notifications} notification messages (expected ${expected})`,
  );
  console.log(
    `  ceiling  ${format(ceiling)} recipients/s: the double alone, /itip + REPORT per recipient, ${PREFETCH} in parallel`,
  );
  console.log(`  ratio    ${format(copiesPerSecond / ceiling, 3)} of the double's own rate`);
  console.log(`           dead-lettered: ${await vhost.messageCount(`${ITIP_QUEUE}:dead-letter`)}`);

  await app.close();
  await double.stop();
  await database.drop();
  await database.close();
  await vhost.delete();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
