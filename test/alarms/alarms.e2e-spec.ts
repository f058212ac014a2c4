import { EventBus } from '@nestjs/cqrs';
import { ObjectId } from 'mongodb';
import { TestSmtpServer, TestVhost, expectEventually } from '@app/testing';
import type { CapturedMail } from '@app/testing';
import { DisplayAlarmFiredEvent } from '../../apps/side-service/src/alarms/events/display-alarm-fired.event';
import { seedDomain, seedUser } from '../events/support/notification-fixtures';
import type { TestService } from '../support/service-apps';
import {
  ALARMS,
  FakeTime,
  alarmMessage,
  calendar,
  entriesOf,
  mailsTo,
  ownEvent,
  pause,
  startAlarmService,
  valarm,
  waitForEntries,
} from './support/alarm-fixtures';

const EXCHANGE = (kind: string) => `calendar:event:alarm:${kind}`;
const DLQ = (kind: string) => `tcalendar:event:alarm:${kind}:dead-letter`;

/** The text/html part with its own headers, from the raw message. */
function htmlPartHeaders(mail: CapturedMail): string {
  const raw = mail.raw.toString('utf8');
  const index = raw.search(/Content-Type: text\/html/i);
  expect(index).toBeGreaterThan(0);
  return raw.slice(raw.lastIndexOf('\r\n--', index), raw.indexOf('\r\n\r\n', index));
}

describe('Alarms: messages → entries → reminder mails (events.md §4, mail.md §3.6)', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let service: TestService;
  let time: FakeTime;
  const users: Record<string, string> = {};
  const path = (owner: string, object: string) => `/calendars/${users[owner]}/${users[owner]}/${object}.ics`;
  const db = () => service.database.db;

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    service = await startAlarmService(vhost, smtp);
    time = new FakeTime(service, '2030-05-01T00:00:00Z');
    const domain = await seedDomain(db(), 'twake.test');
    const people = [
      { email: 'alice@twake.test', firstname: 'Alice', lastname: 'Martin', language: 'fr' },
      { email: 'bob@twake.test', firstname: 'Bob', lastname: 'Durand', language: 'vi' },
      { email: 'dmitri@twake.test', firstname: 'Dmitri', lastname: 'Ivanov', language: 'ru' },
      { email: 'carol@twake.test', firstname: 'Carol', lastname: 'Smith' },
      { email: 'quiet@twake.test', firstname: 'Quiet', lastname: 'User' },
    ];
    for (const person of people)
      users[person.email] = (await seedUser(db(), domain, person)).id.toHexString();
    await db()
      .collection('configurations')
      .insertOne({
        domain_id: domain,
        user_id: new ObjectId(users['quiet@twake.test']),
        modules: [{ name: 'calendar', configurations: [{ name: 'alarmEmails', value: false }] }],
      });
    await seedUser(db(), domain, { email: 'calendar@twake.test', firstname: 'Twake', lastname: 'Calendar' });
  });
  afterAll(async () => {
    await service.close();
    await smtp.stop();
    await vhost.delete();
  });
  beforeEach(() => {
    smtp.clear();
    time.set('2030-05-01T00:00:00Z');
  });

  it('stores the entry of an alarm:created message and mails the reminder at its time, once', async () => {
    const owner = 'alice@twake.test';
    const ics = calendar(
      undefined,
      ownEvent(
        'dentist',
        owner,
        [
          'DTSTART;TZID=Europe/Paris:20300512T093000',
          'DTEND;TZID=Europe/Paris:20300512T100000',
          'DESCRIPTION:Bring the X-rays',
          ...valarm('-PT1H35M', 'EMAIL', [owner]),
        ],
        ['carol@twake.test'],
      ),
    );
    await vhost.publish(EXCHANGE('created'), alarmMessage(path(owner, 'dentist'), ics));
    const [entry] = await waitForEntries(db(), 'dentist', 1);
    expect(entry).toEqual({
      _id: expect.any(ObjectId),
      eventUid: 'dentist',
      recipient: owner,
      alarmTime: new Date('2030-05-12T05:55:00Z'),
      eventStartTime: new Date('2030-05-12T07:30:00Z'),
      recurring: false,
      ics,
      eventPath: path(owner, 'dentist'),
      action: 'EMAIL',
    });

    time.set('2030-05-12T05:54:59Z');
    await pause(400);
    expect(smtp.to(owner)).toHaveLength(0);

    time.set('2030-05-12T05:55:00Z');
    const [mail] = await mailsTo(smtp, owner);
    await expectEventually(async () => expect(await entriesOf(db(), 'dentist')).toHaveLength(0));
    await pause(400);
    expect(smtp.to(owner)).toHaveLength(1);

    const parsed = mail!.parsed;
    expect(mail!.envelope).toEqual({ from: 'calendar@twake.test', to: [owner] });
    expect(parsed.from?.value).toEqual([{ address: 'calendar@twake.test', name: 'Twake Calendar' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { address: owner, name: 'Alice Martin' },
    ]);
    expect(parsed.subject).toBe('Rappel : Dentist <check-up>');
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@twake\.test>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.attachments).toHaveLength(0);
    expect(htmlPartHeaders(mail!)).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(htmlPartHeaders(mail!)).toMatch(/Content-Transfer-Encoding: base64/i);
    expect(htmlPartHeaders(mail!)).toMatch(/Content-Language: fr/);
    const html = String(parsed.html).replace(/[\u00a0\u202f]/g, ' ');
    expect(html).toContain('Cet événement commence dans 1 heure 35 minutes');
    expect(html).toContain('Dentist &lt;check-up&gt;');
    expect(html).toContain('<a href="https://meet.example.org/dentist">');
    expect(html).toContain('Bring the X-rays');
    expect(html).toContain('carol@twake.test');
    expect(html).not.toMatch(/\b2030\b/);
    expect(
      await db()
        .collection('twake_calendar_mail_deliveries')
        .countDocuments({
          _id: `alarm:dentist:${owner}:2030-05-12T05:55:00.000Z|sent` as never,
        }),
    ).toBe(1);
  });

  it('writes the duration and subject in the recipient language (vi, ru, en)', async () => {
    for (const [owner, trigger, expected] of [
      ['bob@twake.test', '-P2DT1H', /Sự kiện này sẽ bắt đầu sau 2 ngày 1 giờ/],
      ['dmitri@twake.test', '-PT5M', /Это событие начнётся через 5 минут/],
      ['carol@twake.test', '-PT2H5M', /This event starts in 2 hours 5 minutes/],
    ] as const) {
      const uid = `lang-${owner}`;
      const ics = calendar(undefined, ownEvent(uid, owner, ['DTSTART:20300520T100000Z', ...valarm(trigger)]));
      time.set('2030-05-01T00:00:00Z');
      await vhost.publish(EXCHANGE('updated'), alarmMessage(path(owner, uid), ics));
      const [entry] = await waitForEntries(db(), uid, 1);
      time.set(entry!.alarmTime.toISOString());
      const [mail] = await mailsTo(smtp, owner);
      expect(String(mail!.parsed.html).replace(/[\u00a0\u202f]/g, ' ')).toMatch(expected);
      expect(htmlPartHeaders(mail!)).toContain(
        `Content-Language: ${owner.startsWith('carol') ? 'en' : owner.startsWith('bob') ? 'vi' : 'ru'}`,
      );
    }
  });

  it('moves a recurring series on to its next occurrence after sending', async () => {
    const owner = 'carol@twake.test';
    const ics = calendar(
      undefined,
      ownEvent('standup', owner, [
        'DTSTART;TZID=Europe/Paris:20300506T090000',
        'RRULE:FREQ=DAILY;COUNT=5',
        'EXDATE;TZID=Europe/Paris:20300507T090000',
        ...valarm('-PT10M'),
      ]),
    );
    time.set('2030-05-06T06:00:00Z');
    await vhost.publish(EXCHANGE('created'), alarmMessage(path(owner, 'standup'), ics));
    const [first] = await waitForEntries(db(), 'standup', 1);
    expect(first).toMatchObject({
      alarmTime: new Date('2030-05-06T06:50:00Z'),
      recurring: true,
      recurrenceId: '20300506T090000',
    });
    time.set('2030-05-06T06:50:00Z');
    await mailsTo(smtp, owner);
    const advanced = await expectEventually(async () => {
      const [entry] = await entriesOf(db(), 'standup');
      expect(entry?.alarmTime).toEqual(new Date('2030-05-08T06:50:00Z'));
      return entry!;
    });
    expect(advanced).toMatchObject({
      recurrenceId: '20300508T090000',
      eventStartTime: new Date('2030-05-08T07:00:00Z'),
    });
  });

  it('removes the entries on alarm:deleted and alarm:cancel (same UID and path only)', async () => {
    const owner = 'alice@twake.test';
    const ics = calendar(
      undefined,
      ownEvent('doomed', owner, ['DTSTART:20300520T100000Z', ...valarm('-PT5M')]),
    );
    await vhost.publish(EXCHANGE('created'), alarmMessage(path(owner, 'doomed'), ics));
    await waitForEntries(db(), 'doomed', 1);
    await vhost.publish(EXCHANGE('deleted'), alarmMessage('/calendars/other/other/doomed.ics', ics, false));
    await vhost.publish(EXCHANGE('deleted'), alarmMessage(path(owner, 'doomed'), ics, false));
    await waitForEntries(db(), 'doomed', 0);

    await vhost.publish(EXCHANGE('request'), alarmMessage(path(owner, 'doomed'), ics));
    await waitForEntries(db(), 'doomed', 1);
    await vhost.publish(EXCHANGE('cancel'), alarmMessage(path(owner, 'doomed'), ics, false));
    await waitForEntries(db(), 'doomed', 0);
  });

  it('sends nothing to a user who turned alarm e-mails off', async () => {
    const owner = 'quiet@twake.test';
    const ics = calendar(
      undefined,
      ownEvent('hush', owner, ['DTSTART:20300520T100000Z', ...valarm('-PT5M')]),
    );
    await vhost.publish(EXCHANGE('created'), alarmMessage(path(owner, 'hush'), ics));
    // nothing stored for the owner...
    const marker = calendar(
      undefined,
      ownEvent('marker-1', 'alice@twake.test', ['DTSTART:20300520T100000Z', ...valarm('-PT5M')]),
    );
    await vhost.publish(EXCHANGE('created'), alarmMessage(path('alice@twake.test', 'marker-1'), marker));
    await waitForEntries(db(), 'marker-1', 1);
    expect(await entriesOf(db(), 'hush')).toHaveLength(0);
    // ...and an entry stored before the setting changed sends nothing either
    await db()
      .collection(ALARMS)
      .insertOne({
        eventUid: 'hush',
        recipient: owner,
        alarmTime: new Date('2030-05-20T09:55:00Z'),
        eventStartTime: new Date('2030-05-20T10:00:00Z'),
        recurring: false,
        ics,
        eventPath: path(owner, 'hush'),
        action: 'EMAIL',
      });
    time.set('2030-05-20T09:55:00Z');
    await waitForEntries(db(), 'hush', 0);
    await pause(300);
    expect(smtp.to(owner)).toHaveLength(0);
  });

  it('announces a DISPLAY alarm on the event bus for the owner, without mail', async () => {
    const owner = 'alice@twake.test';
    const fired: DisplayAlarmFiredEvent[] = [];
    const subscription = service.api
      .get(EventBus)
      .subscribe((event) => event instanceof DisplayAlarmFiredEvent && fired.push(event));
    try {
      const ics = calendar(
        undefined,
        ownEvent('popup', owner, ['DTSTART:20300520T100000Z', ...valarm('-PT3M', 'DISPLAY')]),
      );
      await vhost.publish(EXCHANGE('created'), alarmMessage(path(owner, 'popup'), ics));
      const [entry] = await waitForEntries(db(), 'popup', 1);
      expect(entry).toMatchObject({ action: 'DISPLAY', recipient: owner });
      time.set('2030-05-20T09:57:00Z');
      await expectEventually(() => expect(fired).toHaveLength(1));
      expect({ ...fired[0] }).toEqual({
        recipient: owner,
        eventSummary: 'Dentist <check-up>',
        eventURL: path(owner, 'popup'),
        eventStartTime: new Date('2030-05-20T10:00:00Z'),
      });
      expect(smtp.to(owner)).toHaveLength(0);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('acks bad input with a warning, stores nothing and keeps consuming', async () => {
    const owner = 'alice@twake.test';
    const good = (uid: string) =>
      calendar(undefined, ownEvent(uid, owner, ['DTSTART:20300520T100000Z', ...valarm('-PT5M')]));
    const { eventPath: _missing, ...withoutPath } = alarmMessage(path(owner, 'bad-1'), good('bad-1'));
    await vhost.publish(EXCHANGE('created'), withoutPath);
    await vhost.publish(EXCHANGE('updated'), {
      ...alarmMessage(path(owner, 'bad-2'), good('bad-2')),
      rawEvent: 'BEGIN:VCALENDAR\r\nthis is not ICS',
    });
    await vhost.publish(
      EXCHANGE('updated'),
      alarmMessage(`/calendars/${new ObjectId().toHexString()}/x/bad-3.ics`, good('bad-3')),
    );
    const absolute = calendar(
      undefined,
      ownEvent('bad-4', owner, [
        'DTSTART:20300520T100000Z',
        'BEGIN:VALARM',
        'TRIGGER;VALUE=DATE-TIME:20300520T090000Z',
        'ACTION:EMAIL',
        'END:VALARM',
      ]),
    );
    await vhost.publish(EXCHANGE('updated'), alarmMessage(path(owner, 'bad-4'), absolute));
    const runaway = calendar(
      undefined,
      ownEvent('bad-5', owner, ['DTSTART:20200101T000000Z', 'RRULE:FREQ=MINUTELY', ...valarm('-PT1M')]),
    );
    await vhost.publish(EXCHANGE('updated'), alarmMessage(path(owner, 'bad-5'), runaway));
    await vhost.publish(EXCHANGE('updated'), { eventPath: path(owner, 'bad-6'), event: 'not jCal' });
    await vhost.publish(EXCHANGE('updated'), alarmMessage(path(owner, 'after-bad'), good('after-bad')));

    await waitForEntries(db(), 'after-bad', 1);
    for (const uid of ['bad-1', 'bad-2', 'bad-3', 'bad-4', 'bad-5', 'bad-6'])
      expect(await entriesOf(db(), uid)).toHaveLength(0);
    expect(await vhost.messageCount(DLQ('created'))).toBe(0);
    expect(await vhost.messageCount(DLQ('updated'))).toBe(0);
    // a body that is not even JSON is dead-lettered (events.md §1.1)
    await vhost.publish(EXCHANGE('created'), 'not json');
    await expectEventually(async () => expect(await vhost.messageCount(DLQ('created'))).toBe(1));
  });

  it('reports the scheduler in the health checks and its figures on /metrics', async () => {
    const checks = await service.admin().get('/healthcheck/checks').expect(200);
    expect(checks.body.map((check: { componentName: string }) => check.componentName)).toContain(
      'AlarmScheduler',
    );
    const health = await service.admin().get('/healthcheck?check=AlarmScheduler').expect(200);
    expect(health.body.checks).toEqual([
      {
        componentName: 'AlarmScheduler',
        escapedComponentName: 'AlarmScheduler',
        status: 'healthy',
        cause: null,
      },
    ]);
    const metrics = await service.admin().get('/metrics').expect(200);
    for (const name of [
      'calendar_alarm_total',
      'calendar_alarm_due_total',
      'calendar_alarm_sent_total{action="EMAIL"}',
      'calendar_alarm_skipped_total{reason="alarm-emails-off"}',
      'calendar_alarm_failed_total',
      'calendar_alarm_tick_seconds_bucket',
      'calendar_alarm_tick_duration_count',
      'calendar_alarm_duration_count',
    ])
      expect(metrics.text).toContain(name);
  });
});
