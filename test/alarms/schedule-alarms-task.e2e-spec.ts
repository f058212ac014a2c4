import {
  DavTestEnvironment,
  basic,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import { ALARMS, FakeTime, calendar, entriesOf, ownEvent, valarm } from './support/alarm-fixtures';

describe('POST /calendars?task=scheduleAlarms (webadmin.md §7.2, events.md §4.7)', () => {
  let env: DavTestEnvironment;
  const ids: Record<string, string> = {};
  const db = () => env.service.database.db;
  const admin = () => env.service.admin();

  async function put(email: string, object: string, ics: string): Promise<void> {
    const id = ids[email]!;
    const response = await fetch(`${env.dav.url}/calendars/${id}/${id}/${object}.ics`, {
      method: 'PUT',
      headers: {
        authorization: basic(`${process.env.DAV_ADMIN_USER}&${email}`, process.env.DAV_ADMIN_PASSWORD!),
        'content-type': 'text/calendar; charset=utf-8',
      },
      body: ics,
    });
    expect([201, 204]).toContain(response.status);
  }

  async function runTask(query: string) {
    const submitted = await admin().post(`/calendars?${query}`).expect(201);
    expect(submitted.headers.location).toBe(`/tasks/${submitted.body.taskId}`);
    return (await admin().get(`/tasks/${submitted.body.taskId}/await?timeout=60`).expect(200)).body;
  }

  beforeAll(async () => {
    env = await startDavTestEnvironment({ DOMAINS: 'alarmtask.test', ALARM_SCHEDULER_MODE: 'disabled' });
    new FakeTime(env.service, '2030-05-01T00:00:00Z');
    for (const name of ['ana', 'ben'])
      ids[`${name}-${env.run}@alarmtask.test`] = await seedUser(
        env.service,
        `${name}-${env.run}@alarmtask.test`,
        'alarmtask.test',
      );
  });
  afterAll(() => env.close());

  it('creates the missing entries from every user calendar, keeps existing ones, and reports its counters', async () => {
    const ana = `ana-${env.run}@alarmtask.test`;
    const ben = `ben-${env.run}@alarmtask.test`;
    const uid = (name: string) => `${name}-${env.run}`;
    await put(
      ana,
      'review',
      calendar(undefined, ownEvent(uid('review'), ana, ['DTSTART:20300510T090000Z', ...valarm('-PT30M')])),
    );
    await put(
      ana,
      'weekly',
      calendar(
        undefined,
        ownEvent(uid('weekly'), ana, [
          'DTSTART;TZID=Europe/Paris:20300506T100000',
          'RRULE:FREQ=WEEKLY',
          ...valarm('-PT15M', 'DISPLAY'),
        ]),
      ),
    );
    await put(
      ana,
      'no-alarm',
      calendar(undefined, ownEvent(uid('no-alarm'), ana, ['DTSTART:20300510T090000Z'])),
    );
    await put(
      ben,
      'past',
      calendar(undefined, ownEvent(uid('past'), ben, ['DTSTART:20200510T090000Z', ...valarm('-PT30M')])),
    );
    await put(
      ben,
      'trip',
      calendar(undefined, ownEvent(uid('trip'), ben, ['DTSTART:20300601T080000Z', ...valarm('-P1D')])),
    );
    // an entry already there is not replaced
    await db()
      .collection(ALARMS)
      .insertOne({
        eventUid: uid('trip'),
        recipient: ben,
        alarmTime: new Date('2030-05-31T20:00:00Z'),
        eventStartTime: new Date('2030-06-01T08:00:00Z'),
        recurring: false,
        ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        eventPath: 'kept',
        action: 'EMAIL',
      });

    const task = await runTask('task=scheduleAlarms&eventsPerSecond=50');
    expect(task).toMatchObject({
      type: 'schedule-alarms',
      status: 'completed',
      additionalInformation: {
        type: 'schedule-alarms',
        processedEventCount: 5,
        failedEventCount: 0,
        runningOptions: { eventsPerSecond: 50 },
      },
    });
    expect(await entriesOf(db(), uid('review'))).toEqual([
      expect.objectContaining({
        recipient: ana,
        alarmTime: new Date('2030-05-10T08:30:00Z'),
        eventPath: `/calendars/${ids[ana]}/${ids[ana]}/review.ics`,
        action: 'EMAIL',
      }),
    ]);
    expect(await entriesOf(db(), uid('weekly'))).toEqual([
      expect.objectContaining({
        recipient: ana,
        alarmTime: new Date('2030-05-06T07:45:00Z'),
        recurring: true,
        recurrenceId: '20300506T100000',
        action: 'DISPLAY',
      }),
    ]);
    expect(await entriesOf(db(), uid('no-alarm'))).toHaveLength(0);
    expect(await entriesOf(db(), uid('past'))).toHaveLength(0);
    expect(await entriesOf(db(), uid('trip'))).toEqual([expect.objectContaining({ eventPath: 'kept' })]);
  });

  it('ends failed with its counters when a user calendar cannot be read', async () => {
    env.dav.failures.set(`/calendars/${ids[`ben-${env.run}@alarmtask.test`]}`, 500);
    try {
      const task = await runTask('task=scheduleAlarms');
      expect(task.status).toBe('failed');
      expect(task.additionalInformation).toMatchObject({
        processedEventCount: 3,
        failedEventCount: 0,
        runningOptions: { eventsPerSecond: 100 },
      });
    } finally {
      env.dav.failures.clear();
    }
  });

  it('answers 400 for a missing or unknown task and an invalid eventsPerSecond', async () => {
    for (const query of [
      '',
      'task=',
      'task=unknown',
      'task=scheduleAlarms&eventsPerSecond=0',
      'task=scheduleAlarms&eventsPerSecond=1.5',
      'task=scheduleAlarms&eventsPerSecond=abc',
    ]) {
      const response = await admin().post(`/calendars?${query}`).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, type: 'InvalidArgument' });
      expect(response.body.message).toMatch(/task|eventsPerSecond/);
    }
  });

  it('ignores the reindex concurrency and the archive criteria, which are not its parameters', async () => {
    const result = await runTask(
      'task=%20scheduleAlarms%20&calendarsConcurrency=many&createdBefore=never&eventsPerSecond=50',
    );
    expect(result).toMatchObject({
      type: 'schedule-alarms',
      status: 'completed',
      additionalInformation: { runningOptions: { eventsPerSecond: 50 } },
    });
  });
});
