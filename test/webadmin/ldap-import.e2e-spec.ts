import { LdapFixture } from '../support/ldap-fixture';
import { TestService, startTestService } from '../support/service-apps';

describe('webadmin LDAP user import (§5.3)', () => {
  let ldap: LdapFixture;
  let service: TestService;
  const admin = () => service.admin();
  const users = () => service.database.db.collection('users');
  const run = async (query: Record<string, string>) => {
    const submitted = await admin().post('/registeredUsers/tasks').query(query).expect(201);
    expect(submitted.headers.location).toBe(`/tasks/${submitted.body.taskId}`);
    return (await admin().get(`/tasks/${submitted.body.taskId}/await`).query({ timeout: '60s' }).expect(200))
      .body;
  };

  beforeAll(async () => {
    ldap = await LdapFixture.create('ldapimport');
    service = await startTestService({ ...ldap.env(), DOMAINS: 'import.test' });
    await ldap.add('ana', { mail: 'Ana.Moreau@Import.test', cn: 'Ana Lucia Moreau', sn: 'Moreau' });
    await ldap.add('same', { mail: 'same@import.test', cn: 'Same Person', sn: 'Person' });
    await ldap.add('renamed', { mail: 'renamed@import.test', cn: 'New Name', sn: 'Name' });
    await ldap.add('nomail', { cn: 'No Mail', sn: 'Mail' });
    await ldap.add('badmail', { cn: 'Bad Mail', sn: 'Mail', mail: 'not an address' });
    await ldap.add('stranger', { mail: 'stranger@unregistered.test', cn: 'Stranger S', sn: 'S' });
    await admin()
      .post('/registeredUsers')
      .send({ email: 'same@import.test', firstname: 'Same', lastname: 'Person' })
      .expect(201);
    await admin()
      .post('/registeredUsers')
      .send({ email: 'renamed@import.test', firstname: 'Old', lastname: 'Surname' })
      .expect(201);
  });
  afterAll(async () => {
    await service?.close();
    await ldap?.destroy();
  });

  it('registers unknown users, updates changed names, counts failures, skips entries without mail', async () => {
    const same = await users().findOne({ email: 'same@import.test' });
    const done = await run({ task: 'importFromLDAP', usersPerSecond: '50' });
    expect(done).toMatchObject({
      type: 'import-ldap-users',
      status: 'failed',
      additionalInformation: {
        type: 'import-ldap-users',
        timestamp: expect.any(String),
        processedUserCount: 3,
        failedUserCount: 1,
        runningOptions: { usersPerSecond: 50 },
      },
    });
    expect(await users().findOne({ email: 'ana.moreau@import.test' })).toMatchObject({
      firstname: 'Ana Lucia',
      lastname: 'Moreau',
      firstnames: ['Ana', 'Lucia'],
      accounts: [{ type: 'email', emails: ['ana.moreau@import.test'] }],
    });
    expect(await users().findOne({ email: 'renamed@import.test' })).toMatchObject({
      firstname: 'New',
      lastname: 'Name',
    });
    expect(await users().findOne({ email: 'same@import.test' })).toEqual(same);
    expect(await users().countDocuments({ email: 'stranger@unregistered.test' })).toBe(0);
    expect(await users().countDocuments()).toBe(3);
  });

  it('a second run changes nothing and completes once every domain exists; it is throttled', async () => {
    await ldap.remove('stranger');
    const before = await users().find().sort({ email: 1 }).toArray();
    const done = await run({ task: 'importFromLDAP', usersPerSecond: '2' });
    expect(done).toMatchObject({
      status: 'completed',
      additionalInformation: {
        processedUserCount: 3,
        failedUserCount: 0,
        runningOptions: { usersPerSecond: 2 },
      },
    });
    // Three users at two per second: the third starts a second after the first.
    expect(Date.parse(done.completedDate) - Date.parse(done.startedDate)).toBeGreaterThanOrEqual(900);
    expect(await users().find().sort({ email: 1 }).toArray()).toEqual(before);
    const defaults = await run({ task: 'importFromLDAP' });
    expect(defaults.additionalInformation.runningOptions).toEqual({ usersPerSecond: 100 });
  });

  it('answers 400 for a missing or unknown task and a bad usersPerSecond', async () => {
    const missing = await admin().post('/registeredUsers/tasks').expect(400);
    expect(missing.body).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: "'task' query parameter is compulsory. Supported values are [importFromLDAP]",
      details: null,
    });
    expect(
      (await admin().post('/registeredUsers/tasks').query({ task: 'sync' }).expect(400)).body.message,
    ).toBe("Invalid value supplied for query parameter 'task': sync. Supported values are [importFromLDAP]");
    for (const rate of ['abc', '0', '-1', '1.5', ''])
      expect(
        (
          await admin()
            .post('/registeredUsers/tasks')
            .query({ task: 'importFromLDAP', usersPerSecond: rate })
            .expect(400)
        ).body,
      ).toMatchObject({
        type: 'InvalidArgument',
        message: `Invalid value supplied for query parameter 'usersPerSecond': ${rate}`,
      });
    expect(
      (
        await admin()
          .post('/registeredUsers/tasks')
          .query({ task: 'importFromLDAP', usersPerSecond: '0' })
          .expect(400)
      ).body,
    ).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: "Invalid value supplied for query parameter 'usersPerSecond': 0",
      details: 'a strictly positive integer is expected',
    });
    expect((await admin().post('/registeredUsers/tasks?task=%20').expect(400)).body).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: "'task' query parameter is compulsory. Supported values are [importFromLDAP]",
      details: null,
    });
    expect(
      (await admin().post('/registeredUsers/tasks?task=importFromLDAP&task=importFromLDAP').expect(400)).body,
    ).toMatchObject({
      message: 'Invalid arguments supplied in the user request',
      details: "Query parameter 'task' must be given once",
    });
  });
});

describe('LDAP user import without LDAP', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'no-ldap-import.test', LDAP_URL: undefined });
  });
  afterAll(() => service.close());

  it('does not exist', async () => {
    const response = await service
      .admin()
      .post('/registeredUsers/tasks')
      .query({ task: 'importFromLDAP' })
      .expect(404);
    expect(response.body).toMatchObject({
      type: 'notFound',
      message: expect.stringContaining('can not be found'),
    });
  });
});
