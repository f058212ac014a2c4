/**
 * Throughput of the scheduling bridge: 1,000 events with 5 attendees each published on `calendar:itip:localDelivery`
 * as multi-recipient REQUESTs (as esn-sabre would for a PUT), through the fan-out, `POST /itip` on the esn-sabre
 * double in front of Radicale, the recipient's event path (UID REPORT) and the publication of the notification
 * messages. The ceiling (measured first) is the double's own rate for the same work: the same events, copies and
 * attendees, `/itip` + REPORT per copy and the same notification published for the service's mail consumer, which
 * runs during both (mails to the stack's MailDev), at the consumer's prefetch. On both engines.
 *
 *   npx ts-node -r tsconfig-paths/register bench/itip.bench.ts [events] [attendees]
 */
import 'reflect-metadata';
import { ConfirmChannel, connect } from 'amqplib';
import { ObjectId } from 'mongodb';
import { TestDatabase, TestVhost } from '@app/testing';
import { closeServiceApps, createServiceApps } from '../apps/side-service/src/bootstrap';
import { EsnSabreDouble } from '../test/doubles/esn-sabre/esn-sabre-double';
import {
  Engine,
  benchEngines,
  format,
  loadAverage,
  prepareBenchEnvironment,
  reportRow,
  useEngine,
} from './support/bench-env';

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

/**
 * The fair ceiling: the work the bridge asks of the double, without the bridge. For the same events (same copies,
 * same attendees in each iCalendar), per recipient: `POST /itip` then the UID REPORT as the recipient, then the
 * publication of the recipient's notification (the bridge's message shape) on the exchange the service's mail
 * consumer reads, so that the mail consumer works during the ceiling as it does during the bridge's run.
 * PREFETCH recipients in parallel, as the consumer's prefetch.
 */
async function doubleCeiling(
  double: EsnSabreDouble,
  uri: string,
  organizer: string,
  events: { uid: string; attendees: string[] }[],
): Promise<{ perSecond: number; copies: number }> {
  const auth = (email: string) =>
    `Basic ${Buffer.from(`${process.env.DAV_ADMIN_USER}&${email}:${process.env.DAV_ADMIN_PASSWORD}`).toString('base64')}`;
  const copies = events.flatMap(({ uid, attendees }) =>
    attendees.map((recipient) => ({ uid, recipient, ical: request(uid, organizer, attendees) })),
  );
  const model = await connect(uri);
  const channel: ConfirmChannel = await model.createConfirmChannel();
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < copies.length; index = next++) {
      const { uid, recipient, ical } = copies[index]!;
      const headers = {
        authorization: auth(recipient),
        'content-type': 'application/json',
        accept: 'application/json',
      };
      const body = { uid, sender: organizer, recipient, method: 'REQUEST', sequence: 0 };
      const itip = await fetch(`${double.url}/itip`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...body, ical }),
      });
      if (itip.status !== 204) throw new Error(`/itip answered ${itip.status}: ${await itip.text()}`);
      const id = await idOf(recipient);
      const report = await fetch(`${double.url}/calendars/${id}.json`, {
        method: 'REPORT',
        headers,
        body: JSON.stringify({ uid }),
      });
      await report.arrayBuffer();
      const notification = {
        senderEmail: organizer,
        recipientEmail: recipient,
        method: 'REQUEST',
        event: ical,
        calendarURI: 'bench',
        eventPath: `/calendars/${id}/${id}/${uid}.ics`,
        isNewEvent: true,
      };
      channel.publish(NOTIFICATION_EXCHANGE, '', Buffer.from(JSON.stringify(notification)));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: PREFETCH }, worker));
  await channel.waitForConfirms();
  const perSecond = copies.length / ((performance.now() - started) / 1000);
  await model.close();
  return { perSecond, copies: copies.length };
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
  const quick = process.env.BENCH_QUICK === '1';
  const events = Number(process.argv[2] ?? (quick ? 60 : 1000));
  const attendeesPerEvent = Number(process.argv[3] ?? 5);
  prepareBenchEnvironment({
    DOMAINS: DOMAIN,
    ITIP_EVENT_MESSAGES_PREFETCH_COUNT: String(PREFETCH),
    // Radicale on a shared two-core machine answers slowly under this load: no timeout within the run.
    DAV_RESPONSE_TIMEOUT: '60000',
  });
  const radicale = process.env.DAV_URL!;
  for (const engine of benchEngines()) await runOn(engine, radicale, events, attendeesPerEvent);
}

async function runOn(
  engine: Engine,
  radicale: string,
  events: number,
  attendeesPerEvent: number,
): Promise<void> {
  useEngine(engine);
  ids.clear();
  const vhost = await TestVhost.create();
  Object.assign(process.env, vhost.env());
  const database = await TestDatabase.open();
  idsDatabase = database;
  const double = await EsnSabreDouble.start({
    radicaleUrl: radicale,
    db: database.db,
    adminUser: process.env.DAV_ADMIN_USER!,
    adminPassword: process.env.DAV_ADMIN_PASSWORD!,
  });
  process.env.DAV_URL = double.url;
  // As the service boots (its WebSocket adapter included): NestFactory alone exits when a gateway has no adapter.
  const apps = await createServiceApps();

  // The bridge and the ceiling get their own recipients, as many objects per calendar at the end (Radicale's
  // cost grows with the calendar); every recipient is new to the double in both (first-contact costs alike).
  const expected = events * attendeesPerEvent;
  const poolSize = Math.max(attendeesPerEvent, Math.round(expected / OBJECTS_PER_CALENDAR));
  const users = await seedUsers(database, 1 + 2 * poolSize + 4);
  const organizer = users[0]!;
  const pool = users.slice(1, 1 + poolSize);
  const ceilingPool = users.slice(1 + poolSize, 1 + 2 * poolSize);
  const run = Date.now().toString(36);
  const plan = (prefix: string, recipients: string[]) =>
    Array.from({ length: events }, (_, index) => ({
      uid: `${prefix}-${run}-${index}`,
      attendees: Array.from(
        { length: attendeesPerEvent },
        (_, offset) => recipients[(index * attendeesPerEvent + offset) % recipients.length]!,
      ),
    }));
  // warm-up: JIT and connection pools
  await doubleCeiling(double, vhost.uri, organizer, plan('warmup', users.slice(-4)).slice(0, 4));
  const ceiling = await doubleCeiling(double, vhost.uri, organizer, plan('ceiling', ceilingPool));

  const bodies = plan('bench', pool).map(({ uid, attendees }) => ({
    sender: `mailto:${organizer}`,
    method: 'REQUEST',
    uid,
    message: request(uid, organizer, attendees),
    hasChange: true,
    recipients: attendees.map((email) => `mailto:${email}`),
    calendarId: 'bench',
    connectedUser: null,
  }));
  const itipBefore = double.itip.received.length;
  const started = performance.now();
  const counted = countNotifications(vhost.uri, NOTIFICATION_EXCHANGE, expected, 20_000);
  await publishAll(vhost.uri, bodies);
  const { count: notifications, lastAt } = await counted;
  const seconds = (lastAt - started) / 1000;
  const itipCalls = double.itip.received.length - itipBefore;
  const copiesPerSecond = notifications / seconds;

  console.log(
    `iTIP local-delivery benchmark on ${engine}: ${events} events x ${attendeesPerEvent} attendees, prefetch ${PREFETCH}, ` +
      `esn-sabre double on Radicale, mail consumer running (load ${loadAverage()})`,
  );
  console.log(
    `  bridge   ${format(seconds, 2)} s: ${format(events / seconds)} events/s, ${format(copiesPerSecond)} recipients/s (fan-out, /itip, REPORT, notification)`,
  );
  console.log(
    `           ${itipCalls} /itip calls, ${notifications} notification messages (expected ${expected})`,
  );
  console.log(
    `  ceiling  ${format(ceiling.perSecond)} recipients/s: the double alone for the same ${ceiling.copies} copies ` +
      `(${attendeesPerEvent} attendees each), /itip + REPORT + notification per recipient, ${PREFETCH} in parallel`,
  );
  console.log(
    `  ratio    ${format(copiesPerSecond / ceiling.perSecond, 3)} of the fair ceiling (goal >= 0.8)`,
  );
  console.log(`           dead-lettered: ${await vhost.messageCount(`${ITIP_QUEUE}:dead-letter`)}`);
  reportRow({
    bench: 'itip',
    figure: `${events} events x ${attendeesPerEvent} attendees, local delivery`,
    value: copiesPerSecond,
    unit: 'recipients/s',
    baseline: ceiling.perSecond,
    baselineLabel: 'double alone, same work',
    ratio: copiesPerSecond / ceiling.perSecond,
    goal: { op: '>=', target: 0.8 },
    engine,
    note: `${notifications}/${expected} notifications`,
  });

  await closeServiceApps(apps);
  await double.stop();
  await database.drop();
  await database.close();
  await vhost.delete();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
