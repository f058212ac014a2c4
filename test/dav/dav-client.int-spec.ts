import { createServer } from 'node:net';
import { Agent } from 'undici';
import { TechnicalTokenService } from '@app/auth';
import type { DavConfig } from '@app/config';
import {
  DAV_CONFIG,
  DavClient,
  DavEventUpdater,
  DavHttpClient,
  DavIdentity,
  DavPaths,
  DavRequestError,
  DavUnavailableError,
  attendeePartstatPatch,
} from '@app/dav-client';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const ics = (uid: string, extra = '') =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T080000Z',
    'DTSTART:20260601T100000Z',
    'DTEND:20260601T110000Z',
    'SUMMARY:Planning',
    'ORGANIZER:mailto:owner@dav.test',
    'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:Guest@Partner.test',
    ...(extra ? [extra] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('DAV client against the esn-sabre double (Radicale behind it)', () => {
  let env: DavTestEnvironment;
  let client: DavClient;
  let ownerId: string;
  let owner: DavIdentity;
  let domainId: string;

  beforeAll(async () => {
    env = await startDavTestEnvironment({
      DOMAINS: 'dav.test,other.test',
      DAV_UPDATE_RETRY_MIN_BACKOFF_MS: '5',
    });
    client = env.service.api.get(DavClient);
    ownerId = await seedUser(env.service, 'owner@dav.test', 'dav.test');
    owner = DavIdentity.user('owner@dav.test');
    domainId = (await env.service.database.db
      .collection('domains')
      .findOne({ name: 'dav.test' }))!._id.toHexString();
  });
  afterAll(() => env.close());

  it('impersonates a user, whose default calendar the DAV server creates on first use', async () => {
    const calendar = await client.getCalendar(owner, ownerId, ownerId, { withRights: true });
    expect(calendar?._links?.self?.href).toBe(`/calendars/${ownerId}/${ownerId}.json`);
    // esn-sabre lists the owner first (access 1), then the sharees (dav.md §4.2)
    expect(calendar?.invite).toEqual([
      expect.objectContaining({ href: `principals/users/${ownerId}`, access: 1 }),
    ]);
    const seen = env.dav.seen.at(-1)!;
    expect(seen.headers['user-agent']).toMatch(/^twake-calendar-side-service/);
    expect(seen.headers.authorization).toBe(
      `Basic ${Buffer.from('admin&owner@dav.test:dav-admin-secret').toString('base64')}`,
    );
  });

  it('answers undefined for an unknown calendar and refuses an unknown user', async () => {
    expect(await client.getCalendar(owner, ownerId, `missing-${env.run}`)).toBeUndefined();
    await expect(
      client.getCalendar(DavIdentity.user('ghost@dav.test'), ownerId, ownerId),
    ).rejects.toMatchObject({
      status: 401,
      code: 'UPSTREAM_FAILURE',
    });
  });

  it('refuses a wrong impersonation password', async () => {
    const config = { ...env.service.api.get<DavConfig>(DAV_CONFIG), adminPassword: 'wrong' };
    const agent = new Agent();
    const http = new DavHttpClient(config, agent, env.service.api.get(TechnicalTokenService));
    const error = await new DavClient(http).getCalendar(owner, ownerId, ownerId).catch((caught) => caught);
    expect(error).toBeInstanceOf(DavRequestError);
    expect(error.message).toContain(`GET ${env.dav.url}/calendars/${ownerId}/${ownerId} answered 401`);
    await agent.close();
  });

  it('sends technical tokens, which the DAV server checks through our introspection, confined to their domain', async () => {
    const calendar = await client.getCalendar(DavIdentity.technical(domainId), ownerId, ownerId);
    expect(calendar?._links?.self?.href).toBe(`/calendars/${ownerId}/${ownerId}.json`);
    expect(env.dav.seen.at(-1)!.principal).toMatchObject({ kind: 'technical', domain: 'dav.test' });
    const other = (await env.service.database.db.collection('domains').findOne({ name: 'other.test' }))!;
    await expect(
      client.getCalendar(DavIdentity.technical(other._id.toHexString()), ownerId, ownerId),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('imports, finds by UID, reads with its ETag and writes with If-Match', async () => {
    const uid = `evt-${env.run}-1`;
    expect((await client.importCalendarObject(owner, ownerId, ownerId, uid, ics(uid))).status).toBe(201);
    const found = await client.findEventByUid(owner, ownerId, uid);
    expect(found?.href).toBe(`/calendars/${ownerId}/${ownerId}/${uid}.ics`);
    expect(found?.item.data?.[0]).toBe('vcalendar');
    const object = await client.getObject(owner, found!.href);
    expect(object?.etag).toMatch(/^".+"$/);
    expect(object?.ics).toContain(`UID:${uid}`);
    expect(await client.putObject(owner, found!.href, object!.ics, '"stale"')).toEqual({
      status: 412,
      ok: false,
    });
    expect(await client.putObject(owner, found!.href, object!.ics, object!.etag)).toEqual({
      status: 204,
      ok: true,
    });
    expect(await client.findEventByUid(owner, ownerId, `unknown-${env.run}`)).toBeUndefined();
  });

  it('streams a calendar export', async () => {
    const stream = await client.exportCalendar(owner, `${DavPaths.calendar(ownerId, ownerId)}.json`);
    let text = '';
    for await (const chunk of stream!) text += chunk.toString();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`UID:evt-${env.run}-1`);
  });

  it('updates a PARTSTAT with If-Match and retries after a concurrent change', async () => {
    const uid = `evt-${env.run}-2`;
    await client.importCalendarObject(owner, ownerId, ownerId, uid, ics(uid, 'SEQUENCE:3'));
    const href = DavPaths.calendarObject(ownerId, ownerId, uid);
    const updater = env.service.api.get(DavEventUpdater);
    const patch = attendeePartstatPatch('guest@partner.test', 'ACCEPTED');
    // Someone else writes the event between our GET and our PUT: our If-Match then fails with 412.
    const originalPut = client.putObject.bind(client);
    let calls = 0;
    client.putObject = async (identity, path, body, etag) => {
      if (++calls === 1) await originalPut(owner, href, ics(uid, 'SEQUENCE:4'));
      return originalPut(identity, path, body, etag);
    };
    try {
      expect(await updater.update(owner, href, patch)).toBe('updated');
    } finally {
      client.putObject = originalPut;
    }
    expect(calls).toBe(2);
    const stored = (await client.getObject(owner, href))!.ics;
    expect(stored).toMatch(/PARTSTAT=ACCEPTED/);
    expect(stored).toMatch(/SEQUENCE:5/);
    expect(await updater.update(owner, href, patch)).toBe('unchanged');
    expect(await updater.update(owner, `${href.slice(0, -4)}-missing.ics`, patch)).toBe('not-found');
    await expect(
      updater.update(owner, href, attendeePartstatPatch('nobody@x.test', 'DECLINED')),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('fails fast with a clear error when the DAV server is down', async () => {
    const port = await freePort();
    const config = { ...env.service.api.get<DavConfig>(DAV_CONFIG), url: `http://127.0.0.1:${port}` };
    const agent = new Agent();
    const http = new DavHttpClient(config, agent, env.service.api.get(TechnicalTokenService));
    const started = Date.now();
    const error = await new DavClient(http).getCalendar(owner, ownerId, ownerId).catch((caught) => caught);
    expect(error).toBeInstanceOf(DavUnavailableError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(2_000);
    await agent.close();
  });

  it('refuses paths that would leave the DAV base URL', async () => {
    for (const path of [
      '/calendars/../x',
      '/calendars/%2e%2E/x',
      '/a%2Fb',
      '//evil.test/x',
      'http://evil.test/',
    ]) {
      await expect(client.http.send({ method: 'GET', path, identity: owner })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
