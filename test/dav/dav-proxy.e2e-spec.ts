import { TestOidcProvider } from '@app/testing';
import {
  DavTestEnvironment,
  basic,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import { rawRequest } from '../support/raw-http';

const event = (uid: string, summary = 'Weekly') =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//spa//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T080000Z',
    'DTSTART;TZID=Europe/Paris:20260105T100000',
    'DURATION:PT1H',
    'RRULE:FREQ=WEEKLY;COUNT=10',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('DAV proxy /dav/** (SPA traffic through the service to the DAV server)', () => {
  let env: DavTestEnvironment;
  let provider: TestOidcProvider;
  let bearer: string;
  let userId: string;
  const dav = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${env.baseUrl}/dav${path}`, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, ...init.headers },
    });
  const port = () => Number(new URL(env.baseUrl).port);

  beforeAll(async () => {
    provider = await TestOidcProvider.start();
    env = await startDavTestEnvironment({ ...provider.env(), DOMAINS: 'twake.test' });
    const email = `spa-${env.run}@twake.test`;
    await provider.addAccount({ sub: `spa-${env.run}`, email, given_name: 'Spa', family_name: 'User' });
    bearer = await provider.issueToken({ sub: `spa-${env.run}`, sid: `proxy-${env.run}` });
    // The first authenticated call provisions the user, whose id is its DAV home.
    expect(
      (
        await fetch(`${env.baseUrl}/api/jwt/generate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}` },
        })
      ).status,
    ).toBe(200);
    userId = (await env.service.database.db.collection('users').findOne({ email }))!._id.toHexString();
  });
  afterAll(async () => {
    await env.close();
    await provider.stop();
  });

  it('answers 401 with an empty body without credentials, before contacting the DAV server', async () => {
    const before = env.dav.seen.length;
    const response = await fetch(`${env.baseUrl}/dav/calendars/${userId}.json`, { method: 'PROPFIND' });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    expect(env.dav.seen.length).toBe(before);
  });

  it('relays an SPA-style sequence: JSON listing, MKCALENDAR, PUT, PROPFIND, REPORT, GET, PROPPATCH, MOVE, DELETE', async () => {
    const home = `/calendars/${userId}`;
    const listing = await dav(`${home}.json?personal=true&withRights=true`, {
      headers: { accept: 'application/json, text/plain, */*' },
    });
    expect(listing.status).toBe(200);
    const body = (await listing.json()) as {
      _embedded: { 'dav:calendar': { _links: { self: { href: string } } }[] };
    };
    expect(body._embedded['dav:calendar'].map((calendar) => calendar._links.self.href)).toContain(
      `${home}/${userId}.json`,
    );

    const calendar = `${home}/work-${env.run}`;
    expect((await dav(`${calendar}/`, { method: 'MKCALENDAR' })).status).toBe(201);
    const uid = `spa-${env.run}`;
    const put = await dav(`${calendar}/${uid}.ics`, {
      method: 'PUT',
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: event(uid),
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toMatch(/^".+"$/);

    const propfind = await dav(`${calendar}/`, {
      method: 'PROPFIND',
      headers: { depth: '1', 'content-type': 'application/xml' },
      body: '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:displayname/></D:prop></D:propfind>',
    });
    expect(propfind.status).toBe(207);
    expect(await propfind.text()).toContain(`${calendar}/${uid}.ics`);

    const report = await dav(`${calendar}/`, {
      method: 'REPORT',
      headers: { depth: '1', 'content-type': 'application/xml' },
      body:
        '<C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:"><D:prop><C:calendar-data/></D:prop>' +
        '<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter></C:calendar-query>',
    });
    expect(report.status).toBe(207);
    expect(await report.text()).toContain('RRULE:FREQ=WEEKLY;COUNT=10');

    const get = await dav(`${calendar}/${uid}.ics`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(get.headers.get('etag')).toBe(put.headers.get('etag'));
    // Only the DAV server's headers.
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('x-request-id')).toBeNull();
    expect(get.headers.get('server')).toMatch(/WSGIServer/);
    expect(await get.text()).toContain(`UID:${uid}`);

    const proppatch = await dav(`${calendar}.json`, {
      method: 'PROPPATCH',
      headers: {
        accept: 'application/json, text/plain, */*',
        'content-type': 'application/json;charset=UTF-8',
      },
      body: JSON.stringify({ 'dav:name': 'Work', 'apple:color': '#FF0000' }),
    });
    expect(proppatch.status).toBe(204);
    const renamed = await dav(`${calendar}.json`, { headers: { accept: 'application/json' } });
    expect(await renamed.json()).toMatchObject({ 'dav:name': 'Work', 'apple:color': '#FF0000' });

    const acl = await dav(`${calendar}.json`, {
      method: 'ACL',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify({ public_right: '{DAV:}read' }),
    });
    expect(acl.status).toBe(200);
    expect(await acl.json()).toEqual([
      { privilege: '{DAV:}read', principal: '{DAV:}authenticated', protected: true },
    ]);

    const move = await dav(`${calendar}/${uid}.ics`, {
      method: 'MOVE',
      headers: { destination: `${calendar}/${uid}-moved.ics` },
    });
    expect([201, 204]).toContain(move.status);
    expect((await dav(`${calendar}/${uid}.ics`)).status).toBe(404);

    expect((await dav(`${calendar}/${uid}-moved.ics`, { method: 'DELETE' })).status).toBe(204);
    expect((await dav(`${calendar}/${uid}-moved.ics`)).status).toBe(404);
  });

  it('forwards only the allowed headers, with the impersonation credential, and keeps the query string', async () => {
    await dav(`/calendars/${userId}/${userId}/?x=1&y=%2F`, {
      method: 'PROPFIND',
      headers: {
        depth: '0',
        prefer: 'return=minimal',
        'x-http-method-override': 'PROPFIND',
        'if-match': '"abc"',
        cookie: 'session=secret',
        'x-custom': 'no',
      },
    });
    const seen = env.dav.seen.at(-1)!;
    expect(seen.method).toBe('PROPFIND');
    expect(seen.url).toBe(`/calendars/${userId}/${userId}/?x=1&y=%2F`);
    expect(seen.headers).toMatchObject({
      depth: '0',
      prefer: 'return=minimal',
      'x-http-method-override': 'PROPFIND',
      authorization: basic(`admin&spa-${env.run}@twake.test`, 'dav-admin-secret'),
    });
    expect(seen.headers['user-agent']).toMatch(/^twake-calendar-dav-proxy/);
    for (const dropped of ['if-match', 'cookie', 'x-custom']) expect(seen.headers[dropped]).toBeUndefined();
  });

  it('relays the DAV server answer as it is, errors included', async () => {
    const response = await dav(`/calendars/${userId}/missing-${env.run}/nothing.ics`);
    expect(response.status).toBe(404);
    const unsupported = await dav(`/calendars/${userId}/${userId}/`, { method: 'COPY' });
    expect(unsupported.status).toBe(405);
  });

  it('authenticates with Basic credentials too (the admin account)', async () => {
    const adminId = (
      await env.service.database.db.collection('users').insertOne({
        firstname: 'Admin',
        lastname: 'Twake',
        accounts: [{ type: 'email', hosted: true, emails: ['admin@twake.test'] }],
        domains: [
          {
            domain_id: (await env.service.database.db.collection('domains').findOne({ name: 'twake.test' }))!
              ._id,
          },
        ],
      })
    ).insertedId.toHexString();
    const response = await fetch(`${env.baseUrl}/dav/calendars/${adminId}/${adminId}/`, {
      method: 'PROPFIND',
      headers: { authorization: basic('admin@twake.test', 'admin-secret'), depth: '0' },
    });
    expect(response.status).toBe(207);
  });

  it('refuses paths escaping the DAV base before contacting the DAV server', async () => {
    const before = env.dav.seen.length;
    for (const target of [
      `/dav/calendars/${userId}/../../etc/passwd`,
      `/dav/calendars/%2e%2e/%2E%2e/x`,
      `/dav/calendars/${userId}%2F..%2Fother`,
      `/dav/calendars/a%5c..%5cb`,
      '/dav//evil.test/calendars',
      'http://evil.test/dav/calendars/x',
    ]) {
      expect(await rawRequest(port(), `GET ${target} HTTP/1.1`, { authorization: `Bearer ${bearer}` })).toBe(
        400,
      );
    }
    expect(env.dav.seen.length).toBe(before);
  });
});
