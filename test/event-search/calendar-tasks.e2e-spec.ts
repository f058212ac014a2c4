import ICAL from 'ical.js';
import request from 'supertest';
import { UserJwtService } from '@app/auth';
import { EventSpec, TestVhost, expectEventually, ics, writeRsaKeyPair } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import { CREATED, eventMessage, spec } from './event-search-support';

const DOMAIN = 'example.org';
const ANA = 'ana@example.org';
const BOB = 'bob@example.org';

type TaskDetails = { status: string; type: string; additionalInformation: Record<string, unknown> };

/** Webadmin calendar tasks (webadmin.md §7.1, §7.3) over the esn-sabre double and the MongoDB event index. */
describe('webadmin calendar tasks: reindex and archive', () => {
  let vhost: TestVhost;
  let env: DavTestEnvironment;
  let jwt: UserJwtService;
  const keys = writeRsaKeyPair();
  const ids: Record<string, string> = {};
  const api = () => request(env.service.api.getHttpServer());
  const admin = () => env.service.admin();

  async function put(homeId: string, calendarId: string, name: string, ...specs: EventSpec[]): Promise<void> {
    await env.dav.store.ensureCollection(`/calendars/${homeId}/`, 'plain');
    await env.dav.store.ensureCollection(`/calendars/${homeId}/${calendarId}/`, 'calendar', calendarId);
    const stored = await env.dav.store.request('PUT', `/calendars/${homeId}/${calendarId}/${name}.ics`, {
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: ics(undefined, ...specs),
    });
    expect([201, 204]).toContain(stored.status);
    await stored.body.dump();
  }

  async function runTask(path: string): Promise<TaskDetails> {
    const submitted = await admin().post(path).expect(201);
    expect(submitted.headers.location).toBe(`/tasks/${submitted.body.taskId}`);
    const done = await admin().get(`/tasks/${submitted.body.taskId}/await?timeout=60s`).expect(200);
    return done.body as TaskDetails;
  }

  const searchUids = async (
    email: string,
    calendars: { userId: string; calendarId: string }[],
    query = '',
  ) => {
    const response = await api()
      .post('/calendar/api/events/search')
      .set('Authorization', `Bearer ${await jwt.signUserToken(email)}`)
      .send({ calendars, query })
      .expect(200);
    return (response.body._embedded.events as { data: { uid: string } }[]).map((hit) => hit.data.uid).sort();
  };
  const objectNames = async (homeId: string, calendarId: string) => {
    const listing = await env.dav.store.propfind(`/calendars/${homeId}/${calendarId}/`, '1', '<D:getetag/>');
    return (listing ?? [])
      .map((entry) => entry.href.split('/').filter(Boolean)[3])
      .filter((name): name is string => !!name)
      .map((name) => name.replace(/\.ics$/, ''))
      .sort();
  };

  beforeAll(async () => {
    vhost = await TestVhost.create();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      DOMAINS: DOMAIN,
      OPENSEARCH_HOSTS: undefined,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
    });
    jwt = env.service.api.get(UserJwtService);
    for (const email of [ANA, BOB]) ids[email] = await seedUser(env.service, email, DOMAIN);
  });

  afterAll(async () => {
    await env?.close();
    await vhost?.delete();
  });

  it('reindex: rebuilds every user and resource from DAV, dropping what DAV no longer has', async () => {
    const [ana, bob] = [ids[ANA]!, ids[BOB]!];
    await put(ana, ana, 'kickoff', spec('kickoff', 'Kickoff'));
    await put(
      ana,
      ana,
      'standup',
      spec('standup', 'Standup', { rrule: 'FREQ=DAILY', sequence: 4 }),
      spec('standup', 'Standup moved', {
        recurrenceId: '20300513T093000',
        start: '20300513T110000',
        end: '20300513T113000',
      }),
    );
    await put(ana, 'work', 'review', spec('review', 'Review'));
    await put(bob, bob, 'bobs', spec('bobs', 'Bob only'));
    const resource = await admin()
      .post(`/domains/${DOMAIN}/resources`)
      .send({ name: 'Room 9', icon: 'meeting-room', description: 'Room', creator: ANA, administrators: [] })
      .expect(201);
    const resourceId = resource.headers.location!.split('/').pop()!;
    await put(resourceId, resourceId, 'booked', spec('booked', 'Booked room'));
    // a document DAV does not have: reindexing drops it
    await vhost.publish(CREATED, eventMessage(`/calendars/${ana}/${ana}/ghost.ics`, spec('ghost', 'Ghost')));
    await expectEventually(async () =>
      expect(await searchUids(ANA, [{ userId: ana, calendarId: ana }])).toEqual(['ghost']),
    );

    const task = await runTask('/calendars?task=reindex&eventsPerSecond=500&calendarsConcurrency=2');
    expect(task).toMatchObject({
      type: 'reindex-calendar-events',
      status: 'completed',
      additionalInformation: {
        type: 'reindex-calendar-events',
        processedEventCount: 5,
        failedEventCount: 0,
        runningOptions: { eventsPerSecond: 500, calendarsConcurrency: 2 },
      },
    });
    expect(await searchUids(ANA, [{ userId: ana, calendarId: ana }])).toEqual(['kickoff', 'standup']);
    expect(await searchUids(ANA, [{ userId: ana, calendarId: 'work' }])).toEqual(['review']);
    expect(await searchUids(ANA, [{ userId: ana, calendarId: ana }], 'moved')).toEqual(['standup']);
    expect(await searchUids(BOB, [{ userId: bob, calendarId: bob }])).toEqual(['bobs']);
    const indexed = await env.service.database.db
      .collection('twake_calendar_event_search')
      .find({ baseCalendarId: resourceId })
      .toArray();
    expect(indexed.map((document) => document.eventUid)).toEqual(['booked']);
  });

  it('reindex and archive refuse bad parameters with 400', async () => {
    const bad = async (path: string) => {
      const response = await admin().post(path).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, type: 'InvalidArgument' });
      return response.body.message as string;
    };
    expect(await bad('/calendars')).toContain("'task' query parameter is compulsory");
    expect(await bad('/calendars?task=nope')).toContain(
      'Supported values are [reindex, scheduleAlarms, archive]',
    );
    expect(await bad('/calendars?task=reindex&eventsPerSecond=0')).toContain('eventsPerSecond');
    expect(await bad('/calendars?task=reindex&calendarsConcurrency=-1')).toContain('calendarsConcurrency');
    expect(await bad(`/calendars/${ANA}?task=reindex`)).toContain('Supported values are [archive]');
    expect(await bad('/calendars?task=archive&createdBefore=0')).toContain('createdBefore');
    expect(await bad('/calendars?task=archive&lastModifiedBefore=soon')).toContain('lastModifiedBefore');
    expect(await bad('/calendars?task=archive&isRejected=maybe')).toContain('isRejected');
    const body = async (path: string) => (await admin().post(path).expect(400)).body;
    expect(await body('/calendars?task=archive&createdBefore=0')).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message:
        "Invalid value supplied for query parameter 'createdBefore': 0. Expected a duration greater than 0, such as 2y, 6months or 30d",
      details: 'Expected a duration greater than 0, such as 2y, 6months or 30d',
    });
    expect(await body(`/calendars/${ANA}?task=archive&isNotRecurring=perhaps`)).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message:
        "Invalid value supplied for query parameter 'isNotRecurring': perhaps. Expected true or false (also yes/no, on/off)",
      details: 'Expected true or false (also yes/no, on/off)',
    });
    expect(await body(`/calendars/${ANA}?task=archive&eventsPerSecond=fast&masterDtStartBefore=0`)).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: "Invalid value supplied for query parameter 'eventsPerSecond': fast",
      details: 'a strictly positive integer is expected',
    });
    // The task is checked first, then the rate, then the concurrency, then the criteria.
    expect((await body('/calendars?task=nope&eventsPerSecond=0')).message).toContain(
      "query parameter 'task': nope",
    );
    expect(
      (await body('/calendars?task=reindex&calendarsConcurrency=0&eventsPerSecond=0')).message,
    ).toContain("'eventsPerSecond'");
    expect((await body('/calendars?task=archive&task=reindex')).details).toBe(
      "Query parameter 'task' must be given once",
    );
    const missing = await admin().post('/calendars/nobody@example.org?task=archive').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, type: 'notFound', message: 'User does not exist' });
  });

  it('archive: moves matching objects into the Archival calendar, one criterion at a time', async () => {
    const bob = ids[BOB]!;
    const declinedBy = (partstat: string) => [{ email: BOB, partstat }];
    await put(bob, bob, 'old', spec('old', 'Old', { dtstamp: '20200101T000000Z' }));
    await put(bob, bob, 'edited', spec('edited', 'Edited', { extra: ['LAST-MODIFIED:20190101T000000Z'] }));
    await put(bob, bob, 'declined', spec('declined', 'Declined', { attendees: declinedBy('DECLINED') }));
    await put(
      bob,
      bob,
      'half-declined',
      spec('half-declined', 'Half', { rrule: 'FREQ=DAILY', attendees: declinedBy('DECLINED') }),
      spec('half-declined', 'Half moved', {
        recurrenceId: '20300513T093000',
        start: '20300513T110000',
        attendees: declinedBy('ACCEPTED'),
      }),
    );
    await put(
      bob,
      bob,
      'early',
      spec('early', 'Early', { start: '20100101T090000', end: '20100101T100000' }),
    );
    await put(
      bob,
      bob,
      'early-series',
      spec('early-series', 'Early series', {
        start: '20100101T090000',
        end: '20100101T100000',
        rrule: 'FREQ=YEARLY;COUNT=2',
      }),
    );
    const before = await objectNames(bob, bob);

    const byCreation = await runTask(`/calendars/${BOB}?task=archive&createdBefore=3y&eventsPerSecond=200`);
    expect(byCreation).toMatchObject({
      type: 'calendar-archival',
      status: 'completed',
      additionalInformation: {
        archivedEventCount: 1,
        failedEventCount: 0,
        targetUser: BOB,
        criteria: {
          lastModifiedBefore: null,
          masterDtStartBefore: null,
          rejectedOnly: false,
          isNotRecurring: false,
        },
        runningOptions: { eventsPerSecond: 200 },
      },
    });
    const createdBefore = Date.parse(
      byCreation.additionalInformation.criteria!['createdBefore' as never] as string,
    );
    expect(Math.abs(createdBefore - (Date.now() - 3 * 365 * 86_400_000))).toBeLessThan(120_000);
    const listing = await env.dav.store.propfind(`/calendars/${bob}/`, '1', '<D:displayname/>');
    const archival = (listing ?? []).find((entry) => entry.props.get('displayname') === 'Archival')!;
    expect(archival).toBeDefined();
    const archivalId = archival.href.split('/').filter(Boolean)[2]!;
    expect(archivalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await objectNames(bob, archivalId)).toEqual(['old']);
    const copy = await env.dav.store.text('GET', `/calendars/${bob}/${archivalId}/old.ics`);
    expect(
      ICAL.Component.fromString(copy.text).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'),
    ).toBe('old');

    expect(
      (await runTask(`/calendars/${BOB}?task=archive&lastModifiedBefore=5y`)).additionalInformation,
    ).toMatchObject({
      archivedEventCount: 1,
    });
    // every VEVENT must be declined: the series with an accepted override stays
    expect(
      (await runTask(`/calendars/${BOB}?task=archive&isRejected=yes`)).additionalInformation,
    ).toMatchObject({
      archivedEventCount: 1,
      criteria: { rejectedOnly: true },
    });
    // started before 10 years ago and not recurring: the series stays
    expect(
      (await runTask(`/calendars/${BOB}?task=archive&masterDtStartBefore=10&isNotRecurring=on`))
        .additionalInformation,
    ).toMatchObject({ archivedEventCount: 1, criteria: { isNotRecurring: true } });
    expect(await objectNames(bob, archivalId)).toEqual(['declined', 'early', 'edited', 'old']);
    expect(await objectNames(bob, bob)).toEqual(
      before.filter((name) => !['declined', 'early', 'edited', 'old'].includes(name)),
    );
    // all users, no criterion: everything left goes, into the same Archival calendar
    const all = await runTask('/calendars?task=archive');
    expect(all.additionalInformation).toMatchObject({ targetUser: null, failedEventCount: 0 });
    expect(await objectNames(bob, bob)).toEqual([]);
    expect(await objectNames(bob, archivalId)).toEqual(before);
  });
});
