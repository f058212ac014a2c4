import { ObjectId } from 'mongodb';
import { EventSearchIndex } from '@app/search';
import { DavTestEnvironment, startDavTestEnvironment } from '../doubles/esn-sabre/dav-test-environment';
import { LdapFixture } from '../support/ldap-fixture';

const STEPS = [
  'DavCalendarDeletionTaskStep',
  'DavContactDeletionTaskStep',
  'CalendarSearchDeletionTaskStep',
  'OpenPaaSUserDeletionTaskStep',
];
const event = (uid: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T080000Z\r\n` +
  `DTSTART:20260105T100000Z\r\nDURATION:PT1H\r\nSUMMARY:${uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const card = (uid: string) =>
  `BEGIN:VCARD\r\nVERSION:4.0\r\nUID:${uid}\r\nFN:Contact ${uid}\r\nEMAIL:${uid}@elsewhere.test\r\nEND:VCARD\r\n`;

describe('webadmin user data deletion (§5.4)', () => {
  let ldap: LdapFixture;
  let env: DavTestEnvironment;
  const DOMAIN = 'deletion.test';
  const admin = () => env.service.admin();
  /** A request to the DAV double as the user (impersonation). */
  const asUser = (
    email: string,
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${env.dav.url}${path}`, {
      method,
      body,
      headers: {
        authorization: `Basic ${Buffer.from(`${process.env.DAV_ADMIN_USER}&${email}:${process.env.DAV_ADMIN_PASSWORD}`).toString('base64')}`,
        ...headers,
      },
    });
  const hrefs = async (path: string) => {
    const listed = await env.dav.store.propfind(path, '1', '<D:resourcetype/>');
    return (listed ?? []).map((entry) => entry.href).filter((href) => href !== path);
  };
  const register = async (email: string) => {
    await admin().post('/registeredUsers').send({ email, firstname: 'To', lastname: 'Delete' }).expect(201);
    return (await env.service.database.db.collection('users').findOne({ email }))!._id.toHexString();
  };
  /** Calendars, events, address books and cards of a user, through the DAV double as the SPA would create them. */
  const seedDav = async (email: string, id: string) => {
    for (const uid of ['e1', 'e2', 'e3'])
      expect(
        (
          await asUser(email, 'PUT', `/calendars/${id}/${id}/${uid}.ics`, event(uid), {
            'content-type': 'text/calendar',
          })
        ).status,
      ).toBe(201);
    const created = await asUser(
      email,
      'POST',
      `/calendars/${id}.json`,
      JSON.stringify({ id: 'extra', 'dav:name': 'Extra' }),
      {
        'content-type': 'application/json',
        accept: 'application/json',
      },
    );
    expect(created.status).toBe(201);
    await asUser(email, 'PUT', `/calendars/${id}/extra/x1.ics`, event('x1'), {
      'content-type': 'text/calendar',
    });
    for (const uid of ['c1', 'c2'])
      expect(
        (
          await asUser(email, 'PUT', `/addressbooks/${id}/contacts/${uid}.vcf`, card(uid), {
            'content-type': 'text/vcard',
          })
        ).status,
      ).toBe(201);
    await asUser(email, 'PUT', `/addressbooks/${id}/collected/k1.vcf`, card('k1'), {
      'content-type': 'text/vcard',
    });
    const book = await asUser(
      email,
      'POST',
      `/addressbooks/${id}.json`,
      JSON.stringify({
        id: 'suppliers',
        'dav:name': 'Suppliers',
        'dav:acl': ['dav:read', 'dav:write'],
        type: 'user',
      }),
      { 'content-type': 'application/json', accept: 'application/json' },
    );
    expect(book.status).toBe(201);
    await asUser(email, 'PUT', `/addressbooks/${id}/suppliers/s1.vcf`, card('s1'), {
      'content-type': 'text/vcard',
    });
  };
  const run = async (username: string, query: Record<string, string> = {}) => {
    const submitted = await admin()
      .post(`/users/${username}`)
      .query({ action: 'deleteData', ...query })
      .expect(201);
    expect(submitted.headers.location).toBe(`/tasks/${submitted.body.taskId}`);
    return (await admin().get(`/tasks/${submitted.body.taskId}/await`).query({ timeout: '60s' }).expect(200))
      .body;
  };

  beforeAll(async () => {
    ldap = await LdapFixture.create('userdeletion');
    // The event index on MongoDB (the OpenSearch adapter is covered by the search feature's own tests).
    env = await startDavTestEnvironment({ ...ldap.env(), DOMAINS: DOMAIN, OPENSEARCH_HOSTS: undefined });
    await ldap.add('dana', { mail: `dana@${DOMAIN}`, cn: 'Dana D', sn: 'D' });
  });
  afterAll(async () => {
    await env?.close();
    await ldap?.destroy();
  });

  it('deletes every store of the user: DAV calendars and contacts emptied, user document gone', async () => {
    const email = `dana@${DOMAIN}`;
    const id = await register(email);
    await seedDav(email, id);
    expect(await hrefs(`/calendars/${id}/${id}/`)).toHaveLength(3);
    expect(await hrefs(`/addressbooks/${id}/`)).toHaveLength(3);
    // One indexed event of the user (as the search consumer writes them).
    const index = env.service.api.get(EventSearchIndex);
    const searchOwn = async () => {
      await index.refresh();
      return index.search({
        calendarURLs: [`${id}/${id}`],
        text: '',
        organizers: [],
        attendees: [],
        offset: 0,
        limit: 10,
      });
    };
    await index.upsert(
      [
        {
          id: `${id}:${id}:e1:single`,
          document: {
            baseCalendarId: id,
            calendarURL: `${id}/${id}`,
            eventUid: 'e1',
            resourceName: 'e1',
            summary: 'e1',
            allDay: false,
            collapseRank: 0,
            attendees: [],
            resources: [],
          },
        },
      ],
      false,
    );
    expect(await searchOwn()).toHaveLength(1);

    const done = await run(email.toUpperCase());
    expect(done).toMatchObject({
      type: 'DeleteUserDataTask',
      status: 'completed',
      additionalInformation: {
        type: 'DeleteUserDataTask',
        timestamp: expect.any(String),
        username: email,
        fromStep: null,
        status: Object.fromEntries(STEPS.map((step) => [step, 'DONE'])),
      },
    });
    // The default calendar stays, empty; the other calendar is gone.
    expect(await hrefs(`/calendars/${id}/`)).toEqual([`/calendars/${id}/${id}/`]);
    expect(await hrefs(`/calendars/${id}/${id}/`)).toEqual([]);
    // System books stay, empty; the user book is gone.
    expect((await hrefs(`/addressbooks/${id}/`)).sort()).toEqual([
      `/addressbooks/${id}/collected/`,
      `/addressbooks/${id}/contacts/`,
    ]);
    expect(await hrefs(`/addressbooks/${id}/contacts/`)).toEqual([]);
    expect(await hrefs(`/addressbooks/${id}/collected/`)).toEqual([]);
    expect(await searchOwn()).toEqual([]);
    // No collection holds anything of the user any more.
    const db = env.service.database.db;
    for (const { name } of await db.listCollections().toArray()) {
      const count = await db.collection(name).countDocuments({
        $or: [
          { _id: new ObjectId(id) },
          { user_id: new ObjectId(id) },
          { email },
          { 'accounts.emails': email },
          { username: email },
        ],
      });
      expect({ name, count }).toEqual({ name, count: 0 });
    }
    // The task belongs to the user's domain.
    await admin().get(`/domains/${DOMAIN}/tasks/${done.taskId}`).expect(200);
  });

  it('skips the steps before fromStep; DAV steps do nothing for an unregistered user (force)', async () => {
    const email = `ghost@${DOMAIN}`;
    const done = await run(email, { fromStep: 'CalendarSearchDeletionTaskStep', force: '' });
    expect(done).toMatchObject({
      status: 'completed',
      additionalInformation: {
        username: email,
        fromStep: 'CalendarSearchDeletionTaskStep',
        status: {
          DavCalendarDeletionTaskStep: 'SKIPPED',
          DavContactDeletionTaskStep: 'SKIPPED',
          CalendarSearchDeletionTaskStep: 'DONE',
          OpenPaaSUserDeletionTaskStep: 'DONE',
        },
      },
    });
    const unregistered = await run(email, { force: '' });
    expect(unregistered.status).toBe('completed');
  });

  it('a failing step is FAILED, the next ones ABORTED, the task failed, the user document kept', async () => {
    const email = `erik@${DOMAIN}`;
    const id = await register(email);
    await seedDav(email, id);
    const failing = `/addressbooks/${id}.json`;
    env.dav.failures.set(failing, 500);
    try {
      const done = await run(email, { force: '' });
      expect(done).toMatchObject({
        status: 'failed',
        additionalInformation: {
          status: {
            DavCalendarDeletionTaskStep: 'DONE',
            DavContactDeletionTaskStep: 'FAILED',
            CalendarSearchDeletionTaskStep: 'ABORTED',
            OpenPaaSUserDeletionTaskStep: 'ABORTED',
          },
        },
      });
    } finally {
      env.dav.failures.delete(failing);
    }
    expect(await env.service.database.db.collection('users').countDocuments({ email })).toBe(1);
    // Resuming from the failed step finishes the job.
    const resumed = await run(email, { force: '', fromStep: 'DavContactDeletionTaskStep' });
    expect(resumed.status).toBe('completed');
    expect(await hrefs(`/addressbooks/${id}/contacts/`)).toEqual([]);
    expect(await env.service.database.db.collection('users').countDocuments({ email })).toBe(0);
  });

  it('answers 400 for bad requests', async () => {
    const bad = async (path: string, query: Record<string, string>, message: string) =>
      expect((await admin().post(path).query(query).expect(400)).body).toMatchObject({
        statusCode: 400,
        type: 'InvalidArgument',
        message,
      });
    await bad('/users/not-an-email', { action: 'deleteData' }, 'Invalid username: not-an-email');
    await bad(
      `/users/dana@${DOMAIN}`,
      {},
      "'action' query parameter is compulsory. Supported values are [deleteData]",
    );
    await bad(
      `/users/dana@${DOMAIN}`,
      { action: 'purge' },
      "Invalid value supplied for query parameter 'action': purge. Supported values are [deleteData]",
    );
    await bad(`/users/dana@${DOMAIN}`, { action: 'deleteData', fromStep: 'Nope' }, 'Unknown step: Nope');
    await bad(
      `/users/nobody@${DOMAIN}`,
      { action: 'deleteData' },
      `User nobody@${DOMAIN} does not exist in the authentication directory`,
    );
  });
});
