import { TestSmtpServer, TestVhost, expectEventually } from '@app/testing';
import type { TestService } from '../support/service-apps';
import {
  ALARMS,
  FakeTime,
  LEASES,
  calendar,
  entriesOf,
  mailsTo,
  ownEvent,
  pause,
  schedulerEnv,
  startAlarmService,
  valarm,
} from './support/alarm-fixtures';

const START = new Date('2030-05-20T10:00:00Z');
const ALARM = new Date('2030-05-20T09:55:00Z');

function entry(uid: string, recipient: string) {
  return {
    eventUid: uid,
    recipient,
    alarmTime: ALARM,
    eventStartTime: START,
    recurring: false,
    ics: calendar(undefined, ownEvent(uid, recipient, ['DTSTART:20300520T100000Z', ...valarm('-PT5M')])),
    eventPath: `/calendars/home/home/${uid}.ics`,
    action: 'EMAIL',
  };
}

jest.setTimeout(60_000); // two service instances boot on a shared, loaded machine

describe('Alarm scheduler in cluster mode (events.md §4.5, storage.md §9)', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let nodes: TestService[];
  let time: FakeTime;
  const db = () => nodes[0]!.database.db;

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    nodes = [
      await startAlarmService(vhost, smtp, schedulerEnv('cluster')),
      await startAlarmService(vhost, smtp, schedulerEnv('cluster')),
    ];
    time = new FakeTime(nodes[0]!, '2030-05-01T00:00:00Z');
    time.follow(nodes[1]!);
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await smtp.stop();
    await vhost.delete();
  });

  it('creates the lease collection with its indexes', async () => {
    const indexes = await db().collection(LEASES).indexes();
    expect(indexes.find((index) => index.name === 'uniq_event_alarm_recipient')).toMatchObject({
      key: { eventUid: 1, recipient: 1, alarmTime: 1 },
      unique: true,
    });
    expect(indexes.map((index) => index.name)).toContain('ttl_expiresAt');
    const alarmIndexes = await db().collection(ALARMS).indexes();
    expect(alarmIndexes.find((index) => index.key.eventUid === 1)).toMatchObject({
      key: { eventUid: 1, recipient: 1 },
      unique: true,
    });
    expect(alarmIndexes.map((index) => index.key)).toContainEqual({ alarmTime: 1 });
  });

  it('two nodes over one database send each due reminder exactly once', async () => {
    const recipients = Array.from({ length: 40 }, (_, index) => `person${index}@cluster.test`);
    await db()
      .collection(ALARMS)
      .insertMany(recipients.map((recipient, index) => entry(`shared-${index}`, recipient)));
    time.set(ALARM.toISOString());
    await expectEventually(() => expect(smtp.messages).toHaveLength(40), { timeoutMs: 20_000 });
    await expectEventually(async () => expect(await db().collection(ALARMS).countDocuments()).toBe(0));
    await pause(600); // several more ticks of both nodes
    expect(smtp.messages).toHaveLength(40);
    expect(smtp.messages.flatMap((mail) => mail.envelope.to).sort()).toEqual([...recipients].sort());
    // every successful send leaves its lease to expire by TTL
    expect(await db().collection(LEASES).countDocuments({ alarmTime: ALARM })).toBe(40);
  });

  it('a node killed between sending and cleanup does not cause a second mail', async () => {
    smtp.clear();
    time.set('2030-05-01T00:00:00Z');
    const recipient = 'survivor@cluster.test';
    const stored = entry('crash-test', recipient);
    await db().collection(ALARMS).insertOne(stored);
    const before = (await entriesOf(db(), 'crash-test'))[0]!;

    time.set(ALARM.toISOString());
    await mailsTo(smtp, recipient);
    await expectEventually(async () => expect(await entriesOf(db(), 'crash-test')).toHaveLength(0));

    // What a crash right after the SMTP server accepted the mail leaves behind: the entry as it was (cleanup never
    // ran), the lease (until its TTL) and the sent record. Once the lease has expired, another node takes over.
    await db().collection(ALARMS).insertOne(before);
    time.set(new Date(ALARM.getTime() + 61_000).toISOString());
    await expectEventually(async () => expect(await entriesOf(db(), 'crash-test')).toHaveLength(0));
    await pause(500);
    expect(smtp.to(recipient)).toHaveLength(1);
    expect(
      await db()
        .collection('twake_calendar_mail_deliveries')
        .countDocuments({ _id: `alarm:crash-test:${recipient}:${ALARM.toISOString()}|sent` as never }),
    ).toBe(1);
  });
});
