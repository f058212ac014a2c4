import ICAL from 'ical.js';
import { nameBasedUuid } from '@app/core';
import { DavTestEnvironment, startDavTestEnvironment } from '../doubles/esn-sabre/dav-test-environment';
import { LdapFixture } from '../support/ldap-fixture';
import { TestService, startTestService } from '../support/service-apps';

interface Card {
  uid: string;
  fn?: string;
  n?: string[];
  email?: string;
  tel?: string;
  telType?: string;
}

// Radicale slows down under a loaded machine: each test runs several whole syncs.
jest.setTimeout(120_000);

const SYNC = 'sync-domain-members-contacts-ldap-to-dav';
const CLEAR = 'clear-domain-members-contacts-dav';

describe('webadmin domain-member sync LDAP → DAV (§6.4–6.5)', () => {
  let ldap: LdapFixture;
  let env: DavTestEnvironment;
  const A = 'members-a.test';
  const B = 'members-b.test';
  let domainA: string;
  let domainB: string;

  const admin = () => env.service.admin();
  const domainId = async (name: string) =>
    (await env.service.database.db.collection('domains').findOne({ name }))!._id.toHexString();
  /** The cards as Radicale stores them, parsed independently of the service's code. */
  const cards = async (id: string): Promise<Card[]> => {
    const { status, text } = await env.dav.store.text('GET', `/addressbooks/${id}/domain-members/`);
    if (status === 404) return [];
    expect(status).toBe(200);
    if (text.trim() === '') return [];
    const parsed = ICAL.parse(text) as unknown[];
    const list = (typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[][];
    return list
      .map((jcard) => new ICAL.Component(jcard))
      .map((card) => ({
        uid: String(card.getFirstPropertyValue('uid')),
        fn: (card.getFirstPropertyValue('fn') as string | null) ?? undefined,
        n: (card.getFirstPropertyValue('n') as string[] | null) ?? undefined,
        email: (card.getFirstPropertyValue('email') as string | null) ?? undefined,
        tel: (card.getFirstPropertyValue('tel') as string | null) ?? undefined,
        telType: (card.getFirstProperty('tel')?.getParameter('type') as string | undefined) ?? undefined,
      }))
      .sort((left, right) => (left.email ?? '').localeCompare(right.email ?? ''));
  };
  const run = async (path: string, query: Record<string, string> = { task: 'sync' }, method = 'post') => {
    const submitted = await (method === 'post' ? admin().post(path) : admin().delete(path))
      .query(query)
      .expect(201);
    expect(submitted.headers.location).toBe(`/tasks/${submitted.body.taskId}`);
    const done = await admin()
      .get(`/tasks/${submitted.body.taskId}/await`)
      .query({ timeout: '60s' })
      .expect(200);
    return done.body as { status: string; type: string; additionalInformation: Record<string, unknown> };
  };
  const writes = () =>
    env.dav.seen.filter(
      (seen) => (seen.method === 'PUT' || seen.method === 'DELETE') && seen.url.includes('/domain-members/'),
    ).length;

  beforeAll(async () => {
    ldap = await LdapFixture.create('domainsync');
    env = await startDavTestEnvironment({ ...ldap.env(), DOMAINS: `${A},${B}` });
    domainA = await domainId(A);
    domainB = await domainId(B);
    await ldap.add('ann', {
      mail: `ann@${A}`,
      cn: 'Ann Lee',
      sn: 'Lee',
      givenName: 'Ann',
      displayName: 'Ann Lee (Sales)',
      telephoneNumber: '+33 1 00 00 00 01',
    });
    await ldap.add('bert', { mail: `Bert.Young@${A.toUpperCase()}`, cn: 'Bert Young', sn: 'Young' });
    await ldap.add('nouid-holder', { mail: `cleo@${A}`, cn: 'Cleo', sn: 'Cleo' });
    await ldap.add('dup', { mail: `ANN@${A}`, cn: 'Ann Duplicate', sn: 'Duplicate' });
    await ldap.add('hidden', {
      mail: `hidden@${A}`,
      cn: 'Hidden Person',
      sn: 'Person',
      departmentNumber: 'HIDDEN',
    });
    await ldap.add('bea', { mail: `bea@${B}`, cn: 'Bea Brown', sn: 'Brown' });
    await ldap.add('nomail', { cn: 'No Mail', sn: 'Mail' });
    await ldap.add('badmail', { mail: 'not-an-address', cn: 'Bad Mail', sn: 'Mail' });
  });
  afterAll(async () => {
    await env?.close();
    await ldap?.destroy();
  });

  it('first run: creates the missing book with the technical token and adds every member', async () => {
    expect(await cards(domainA)).toEqual([]);
    const done = await run(`/addressbook/domain-members/${A}`);
    expect(done).toMatchObject({ type: SYNC, status: 'completed' });
    expect(done.additionalInformation).toEqual({
      type: SYNC,
      domain: A,
      timestamp: expect.any(String),
      addedCount: 4,
      addFailureContacts: [],
      updatedCount: 0,
      updateFailureContacts: [],
      deletedCount: 0,
      deleteFailureContacts: [],
    });
    const creation = env.dav.seen.find(
      (seen) => seen.method === 'POST' && seen.url === `/addressbooks/${domainA}.json`,
    );
    expect(creation?.headers['twakecalendartoken']).toEqual(expect.any(String));
    expect(creation?.headers.authorization).toBeUndefined();
    expect(creation?.principal).toMatchObject({ kind: 'technical', domainId: domainA });

    const stored = await cards(domainA);
    expect(stored).toEqual(
      [
        {
          uid: 'ann',
          fn: 'Ann Lee (Sales)',
          n: ['Lee', 'Ann', '', '', ''],
          email: `ann@${A}`,
          tel: '+33 1 00 00 00 01',
          telType: 'work',
        },
        { uid: 'bert', fn: 'Bert Young', n: ['Young', 'Bert', '', '', ''], email: `Bert.Young@${A}` },
        { uid: 'nouid-holder', fn: 'Cleo', n: ['Cleo', '', '', '', ''], email: `cleo@${A}` },
        { uid: 'hidden', fn: 'Hidden Person', n: ['Person', 'Hidden', '', '', ''], email: `hidden@${A}` },
      ].sort((left, right) => left.email.localeCompare(right.email)),
    );
    // The other domain's book is not touched by a single-domain run.
    expect(await cards(domainB)).toEqual([]);
  });

  it('second run: nothing changes, no write is sent', async () => {
    const before = writes();
    const done = await run(`/addressbook/domain-members/${A}`);
    expect(done.status).toBe('completed');
    expect(done.additionalInformation).toMatchObject({ addedCount: 0, updatedCount: 0, deletedCount: 0 });
    expect(writes()).toBe(before);
  });

  it('updates each field, keeping the card UID; deletes members LDAP no longer returns', async () => {
    await ldap.modify('ann', { givenName: 'Annie' });
    await ldap.modify('bert', { sn: 'Younger', cn: 'Bert Younger' });
    await ldap.modify('nouid-holder', { telephoneNumber: '+33 6 00 00 00 03' });
    await ldap.modify('hidden', { displayName: 'Someone Hidden' });
    await ldap.add('dora', { mail: `dora@${A}`, cn: 'Dora D', sn: 'D' });
    // A card the sync did not write and without e-mail: never deleted. One with an e-mail unknown to LDAP: deleted.
    await env.dav.store.text('PUT', `/addressbooks/${domainA}/domain-members/manual.vcf`, {
      headers: { 'content-type': 'text/vcard' },
      body: 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:manual\r\nFN:Reception desk\r\nEND:VCARD\r\n',
    });
    await env.dav.store.text('PUT', `/addressbooks/${domainA}/domain-members/gone.vcf`, {
      headers: { 'content-type': 'text/vcard' },
      body: `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:gone\r\nFN:Gone\r\nEMAIL;TYPE=INTERNET:gone@${A}\r\nEND:VCARD\r\n`,
    });
    const done = await run(`/addressbook/domain-members/${A}`);
    expect(done.status).toBe('completed');
    expect(done.additionalInformation).toMatchObject({ addedCount: 1, updatedCount: 4, deletedCount: 1 });
    const stored = await cards(domainA);
    expect(stored.find((card) => card.uid === 'ann')).toMatchObject({ n: ['Lee', 'Annie', '', '', ''] });
    expect(stored.find((card) => card.uid === 'bert')).toMatchObject({
      n: ['Younger', 'Bert', '', '', ''],
      fn: 'Bert Younger',
    });
    expect(stored.find((card) => card.uid === 'nouid-holder')).toMatchObject({ tel: '+33 6 00 00 00 03' });
    expect(stored.find((card) => card.uid === 'hidden')).toMatchObject({ fn: 'Someone Hidden' });
    expect(stored.find((card) => card.uid === 'dora')).toMatchObject({ email: `dora@${A}` });
    expect(stored.find((card) => card.uid === 'manual')).toMatchObject({ fn: 'Reception desk' });
    expect(stored.find((card) => card.uid === 'gone')).toBeUndefined();
    // Only one card for the duplicated address.
    expect(stored.filter((card) => card.email?.toLowerCase() === `ann@${A}`)).toHaveLength(1);

    await ldap.remove('dora');
    const removal = await run(`/addressbook/domain-members/${A}`);
    expect(removal.additionalInformation).toMatchObject({ addedCount: 0, updatedCount: 0, deletedCount: 1 });
    expect((await cards(domainA)).map((card) => card.uid)).not.toContain('dora');
  });

  it('a filtered run removes the members the filter excludes and reports the filter', async () => {
    const done = await run(`/addressbook/domain-members/${A}`, {
      task: 'sync',
      ldapFilter: ' (!(departmentNumber=HIDDEN)) ',
    });
    expect(done.additionalInformation).toMatchObject({
      domain: A,
      ldapFilter: '(!(departmentNumber=HIDDEN))',
      deletedCount: 1,
      addedCount: 0,
    });
    expect((await cards(domainA)).map((card) => card.email)).not.toContain(`hidden@${A}`);
    const back = await run(`/addressbook/domain-members/${A}`);
    expect(back.additionalInformation).toMatchObject({ addedCount: 1 });
    expect(back.additionalInformation.ldapFilter).toBeUndefined();
  });

  it('all domains: ignored ones are skipped; other domains are synced', async () => {
    const ignored = await run('/addressbook/domain-members', {
      task: 'sync',
      ignoredDomains: ` ${B.toUpperCase()}, ,`,
    });
    expect(ignored.status).toBe('completed');
    expect(ignored.additionalInformation).toEqual(
      expect.objectContaining({ ignoredDomains: [B], addedCount: 0, updatedCount: 0, deletedCount: 0 }),
    );
    expect(ignored.additionalInformation.domain).toBeUndefined();
    expect(await cards(domainB)).toEqual([]);

    const all = await run('/addressbook/domain-members', { task: 'sync' });
    expect(all.status).toBe('completed');
    expect(all.additionalInformation).toMatchObject({ ignoredDomains: [], addedCount: 1 });
    expect(await cards(domainB)).toEqual([
      { uid: 'bea', fn: 'Bea Brown', n: ['Brown', 'Bea', '', '', ''], email: `bea@${B}` },
    ]);
  });

  it('a DAV failure on one contact fails the task, lists the contact and does the rest', async () => {
    await ldap.add('erin', { mail: `erin@${A}`, cn: 'Erin E', sn: 'E' });
    await ldap.add('fred', { mail: `fred@${A}`, cn: 'Fred F', sn: 'F' });
    const failing = `/addressbooks/${domainA}/domain-members/erin.vcf`;
    env.dav.failures.set(failing, 500);
    try {
      const done = await run(`/addressbook/domain-members/${A}`);
      expect(done.status).toBe('failed');
      expect(done.additionalInformation).toMatchObject({
        addedCount: 1,
        addFailureContacts: [`erin@${A}`],
      });
    } finally {
      env.dav.failures.delete(failing);
    }
    expect((await cards(domainA)).map((card) => card.uid)).toEqual(expect.arrayContaining(['fred']));
    const retry = await run(`/addressbook/domain-members/${A}`);
    expect(retry).toMatchObject({ status: 'completed', additionalInformation: { addedCount: 1 } });
  });

  it('an all-domain run goes on after a domain whose book cannot be read, then fails', async () => {
    await ldap.add('gus', { mail: `gus@${A}`, cn: 'Gus G', sn: 'G' });
    const failing = `/addressbooks/${domainB}/domain-members?export`;
    env.dav.failures.set(failing, 503);
    try {
      const done = await run('/addressbook/domain-members', { task: 'sync' });
      expect(done.status).toBe('failed');
      expect(done.additionalInformation).toMatchObject({ addedCount: 1 });
    } finally {
      env.dav.failures.delete(failing);
    }
  });

  it('clears one domain (every card, e-mail or not), then all domains', async () => {
    const count = (await cards(domainA)).length;
    expect(count).toBeGreaterThan(3);
    const done = await run(`/addressbook/domain-members/${A}`, {}, 'delete');
    expect(done).toMatchObject({ type: CLEAR, status: 'completed' });
    expect(done.additionalInformation).toEqual({
      type: CLEAR,
      domain: A,
      timestamp: expect.any(String),
      deletedCount: count,
      deleteFailureContacts: [],
    });
    expect(await cards(domainA)).toEqual([]);
    expect(await cards(domainB)).toHaveLength(1);

    const all = await run('/addressbook/domain-members', { ignoredDomains: A }, 'delete');
    expect(all.additionalInformation).toEqual({
      type: CLEAR,
      ignoredDomains: [A],
      timestamp: expect.any(String),
      deletedCount: 1,
      deleteFailureContacts: [],
    });
    expect(await cards(domainB)).toEqual([]);
  });

  it('a member without LDAP uid gets the name-based UUID of its address as card UID', async () => {
    await ldap.addWithoutUid('Hana Kim', { sn: 'Kim', mail: `Hana.Kim@${B}` });
    // bea (cleared above) comes back too.
    const done = await run(`/addressbook/domain-members/${B}`);
    expect(done.additionalInformation).toMatchObject({ addedCount: 2 });
    const uid = nameBasedUuid(`Hana.Kim@${B}`);
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await cards(domainB)).toContainEqual(
      expect.objectContaining({ uid, email: `Hana.Kim@${B}`, n: ['Kim', 'Hana', '', '', ''] }),
    );
  });

  it('answers the errors of §6.4–6.5 in the webadmin format', async () => {
    const error = async (
      request: ReturnType<typeof admin>['post'] extends (p: string) => infer R ? R : never,
      status: number,
    ) => (await request.expect(status)).body;
    for (const request of [
      admin().post('/addressbook/domain-members'),
      admin().post('/addressbook/domain-members?task='),
      admin().post(`/addressbook/domain-members/${A}?task=%20&ldapFilter=(uid=a)`),
    ])
      expect(await error(request, 400)).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: "'task' query parameter is compulsory. Supported values are [sync]",
        details: null,
      });
    expect(
      await error(admin().delete(`/addressbook/domain-members?ignoredDomains=${A}&ignoredDomains=${B}`), 400),
    ).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'Invalid arguments supplied in the user request',
      details: "Query parameter 'ignoredDomains' must be given once",
    });
    expect(
      await error(admin().post('/addressbook/domain-members').query({ task: 'reindex' }), 400),
    ).toMatchObject({
      message: "Invalid value supplied for query parameter 'task': reindex. Supported values are [sync]",
    });
    expect(
      await error(admin().post('/addressbook/domain-members/unknown.test').query({ task: 'sync' }), 404),
    ).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'domain not found: unknown.test',
      details: null,
    });
    expect(await error(admin().delete('/addressbook/domain-members/Unknown.TEST'), 404)).toMatchObject({
      message: 'domain not found: unknown.test',
    });
    expect(
      await error(admin().post('/addressbook/domain-members/bad..domain').query({ task: 'sync' }), 400),
    ).toMatchObject({ type: 'InvalidArgument', message: 'Invalid domain: bad..domain' });
    expect(await error(admin().delete('/addressbook/domain-members/bad..domain'), 400)).toMatchObject({
      message: 'Invalid domain: bad..domain',
    });
    expect(
      await error(
        admin().post(`/addressbook/domain-members/${A}`).query({ task: 'sync', ldapFilter: '(&(uid=a)' }),
        400,
      ),
    ).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: "Invalid 'ldapFilter' parameter: (&(uid=a)",
      details: null,
    });
    expect(
      await error(
        admin()
          .post('/addressbook/domain-members')
          .query({ task: 'sync', ignoredDomains: 'ok.test,bad..one' }),
        400,
      ),
    ).toMatchObject({ type: 'InvalidArgument', message: "Invalid 'ignoredDomains' parameter: bad..one" });
    expect(
      await error(admin().delete('/addressbook/domain-members').query({ ignoredDomains: '-x-' }), 400),
    ).toMatchObject({
      type: 'InvalidArgument',
    });
  });
});

describe('domain-member sync with a broken LDAP server', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'ldap-down.test', LDAP_URL: 'ldap://127.0.0.1:1' });
  });
  afterAll(() => service.close());

  it('fails the single-domain task with what was done (nothing)', async () => {
    const submitted = await service
      .admin()
      .post('/addressbook/domain-members/ldap-down.test')
      .query({ task: 'sync' })
      .expect(201);
    const done = await service
      .admin()
      .get(`/tasks/${submitted.body.taskId}/await`)
      .query({ timeout: '30s' })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'failed',
      additionalInformation: { domain: 'ldap-down.test', addedCount: 0, updatedCount: 0, deletedCount: 0 },
    });
  });
});

describe('domain-member routes without LDAP', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'no-ldap.test', LDAP_URL: undefined });
  });
  afterAll(() => service.close());

  it('do not exist (404 as an unknown route)', async () => {
    const sync = await service
      .admin()
      .post('/addressbook/domain-members')
      .query({ task: 'sync' })
      .expect(404);
    expect(sync.body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'POST /addressbook/domain-members?task=sync can not be found',
      details: null,
    });
    await service.admin().delete('/addressbook/domain-members/no-ldap.test').expect(404);
  });
});
