import { spawn, ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ICAL from 'ical.js';
import { TestSmtpServer, TestVhost, expectEventually, writeRsaKeyPair } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import { socketUrl } from '../websocket/support/push-fixtures';
import { TestSocket } from '../websocket/support/ws-client';

/**
 * The Calendar SPA's call sequence at protocol level (issue 19): login with authorization code + PKCE at the demo
 * OpenID provider, then the calls the SPA makes with the access token, through the service, the esn-sabre double in
 * front of Radicale, RabbitMQ and SMTP. Plain HTTP, no browser.
 */
jest.setTimeout(120_000);

const SPA = 'http://localhost:3000';
const REDIRECT_URI = `${SPA}/callback`;
const CLIENT_ID = 'twake-calendar-spa';
const ALICE = 'alice@twake.test';
const BOB = 'bob@twake.test';
const PROVIDER = join(__dirname, '..', 'doubles', 'oidc', 'demo-provider.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startDemoProvider(): Promise<{ issuer: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [PROVIDER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      OIDC_DEMO_PORT: String(port),
      OIDC_DEMO_REDIRECT_URIS: REDIRECT_URI,
      OIDC_DEMO_INTROSPECTION_SECRET: 'spa-sequence-secret',
    },
  });
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('demo OpenID provider did not start')), 30_000);
    createInterface({ input: child.stdout! }).once('line', (first) => {
      clearTimeout(timer);
      resolve(first);
    });
    child.once('exit', (code) => reject(new Error(`demo OpenID provider exited with ${code}`)));
  });
  return { issuer: (JSON.parse(line) as { issuer: string }).issuer, child };
}

/** A cookie jar of one browser session: the provider's interaction and session cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, date] = attribute.split('=');
        return key!.trim().toLowerCase() === 'expires' && Date.parse(date ?? '') < Date.now();
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** authorize -> login form -> consent -> token, as the SPA and the user's browser do it. */
async function loginWithCodeAndPkce(issuer: string, email: string, password: string) {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const authorize = new URL(`${issuer}/auth`);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const visit = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.store(response);
    return response;
  };
  const steps: string[] = [];
  let response = await visit(authorize.toString());
  let loggedIn = false;
  for (let hop = 0; hop < 12; hop++) {
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location')!, issuer).toString();
      await response.body?.cancel();
      if (location.startsWith(REDIRECT_URI)) {
        const callback = new URL(location);
        expect(callback.searchParams.get('state')).toBe(state);
        const code = callback.searchParams.get('code');
        expect(code).toBeTruthy();
        const token = await fetch(`${issuer}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: CLIENT_ID,
            code: code!,
            redirect_uri: REDIRECT_URI,
            code_verifier: verifier,
          }),
        });
        expect(token.status).toBe(200);
        return { steps, token: (await token.json()) as Record<string, unknown> };
      }
      steps.push(new URL(location).pathname.replace(/\/[^/]{16,}/g, '/:uid'));
      response = await visit(location);
      continue;
    }
    expect(response.status).toBe(200);
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(loggedIn ? undefined : action).toBeDefined();
    loggedIn = true;
    steps.push('login form');
    response = await visit(new URL(action!, issuer).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: email, password }).toString(),
    });
  }
  throw new Error(`no authorization code after ${steps.join(' -> ')}`);
}

describe('the Calendar SPA call sequence against the service (issue 19)', () => {
  let provider: { issuer: string; child: ChildProcess };
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let env: DavTestEnvironment;
  let socket: TestSocket | undefined;
  let bobId: string;
  const keys = writeRsaKeyPair();

  beforeAll(async () => {
    provider = await startDemoProvider();
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      ...smtp.env(),
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'false',
      OIDC_USERINFO_URL: `${provider.issuer}/me`,
      OIDC_INTROSPECT_URL: `${provider.issuer}/token/introspection`,
      OIDC_INTROSPECT_CREDENTIALS: `Basic ${Buffer.from('tcalendar:spa-sequence-secret').toString('base64')}`,
      OIDC_AUDIENCE: CLIENT_ID,
      OIDC_USER_PROVISIONING_ENABLED: 'true',
      CORS_ALLOWED_ORIGINS: SPA,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: 'calendar@twake.test',
    });
    // esn-sabre publishes after object writes, on this test's vhost.
    env.dav.publishObjectEvents = true;
    env.dav.setPublisher((exchange, body) => vhost.publish(exchange, body));
    bobId = await seedUser(env.service, BOB, 'twake.test');
  });

  afterAll(async () => {
    await socket?.close();
    await env?.close();
    await smtp?.stop();
    await vhost?.delete();
    provider?.child.kill('SIGTERM');
  });

  it('answers the SPA preflights of /api/user and /dav with 204 and its methods and headers', async () => {
    for (const [path, method, headers] of [
      ['/api/user', 'GET', 'authorization'],
      ['/dav/calendars/someone/calendar.json', 'PUT', 'authorization,content-type,prefer'],
      ['/dav/calendars/someone/calendar.json', 'REPORT', 'authorization,content-type,accept'],
    ] as const) {
      const response = await fetch(`${env.baseUrl}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: SPA,
          'access-control-request-method': method,
          'access-control-request-headers': headers,
        },
      });
      expect([path, response.status]).toEqual([path, 204]);
      expect(response.headers.get('access-control-allow-origin')).toBe(SPA);
      const methods = response.headers.get('access-control-allow-methods')!.split(/,\s*/);
      expect(methods).toContain(method);
      const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
      for (const header of headers.split(',')) expect(allowed).toContain(header);
    }
  });

  it('logs in, lists and reads calendars, subscribes, writes an invitation, gets the push and the mail', async () => {
    const started = Date.now();
    // 1. Login: authorization code + PKCE (S256) at the OpenID provider.
    const login = await loginWithCodeAndPkce(provider.issuer, ALICE, 'alice-secret');
    // the login form, then the consent interaction (granted by the demo provider) before the code
    expect(login.steps).toEqual([
      '/interaction/:uid',
      'login form',
      '/auth/:uid',
      '/interaction/:uid',
      '/auth/:uid',
    ]);
    expect(login.token.token_type).toBe('Bearer');
    const bearer = `Bearer ${String(login.token.access_token)}`;
    const spa = (path: string, init: RequestInit = {}) =>
      fetch(`${env.baseUrl}${path}`, {
        ...init,
        headers: { origin: SPA, authorization: bearer, ...(init.headers as Record<string, string>) },
      });

    // 2. GET /api/user: the user provisioned from the provider's claims.
    const userResponse = await spa('/api/user', { headers: { accept: 'application/json' } });
    expect(userResponse.status).toBe(200);
    expect(userResponse.headers.get('access-control-allow-origin')).toBe(SPA);
    const user = (await userResponse.json()) as Record<string, unknown>;
    expect(user.preferredEmail).toBe(ALICE);
    expect(user.firstname).toBe('Alice');
    expect(user.lastname).toBe('Martin');
    const home = String(user._id ?? user.id);
    expect(home).toMatch(/^[0-9a-f]{24}$/);

    // 3. The calendar list, as the SPA asks for it.
    const list = await spa(
      `/dav/calendars/${home}.json?personal=true&sharedDelegationStatus=accepted&sharedPublicSubscription=true&withRights=true`,
      { headers: { accept: 'application/calendar+json' } },
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe(SPA);
    const calendars = (
      (await list.json()) as { _embedded: { 'dav:calendar': { _links: { self: { href: string } } }[] } }
    )._embedded['dav:calendar'];
    const hrefs = calendars.map((calendar) => calendar._links.self.href);
    expect(hrefs).toContain(`/calendars/${home}/${home}.json`);
    // the default calendar is named '#default', which the SPA shows under its translated name
    expect(
      (calendars as Record<string, unknown>[]).find((calendar) =>
        String((calendar._links as { self: { href: string } }).self.href).endsWith(`/${home}/${home}.json`),
      )?.['dav:name'],
    ).toBe('#default');
    const calendarPath = `/calendars/${home}/${home}`;

    // 4. The week's REPORT on the default calendar.
    const week = { match: { start: '20360114T000000', end: '20360121T000000' } };
    const report = async () => {
      const response = await spa(`/dav${calendarPath}.json`, {
        method: 'REPORT',
        headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
        body: JSON.stringify(week),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        _embedded: { 'dav:item': { _links: { self: { href: string } } }[] };
      };
      return body._embedded['dav:item'].map((item) => item._links.self.href);
    };
    expect(await report()).toEqual([]);
    const tokenBefore = (
      (await (
        await spa(`/dav${calendarPath}.json`, {
          method: 'REPORT',
          headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
          body: JSON.stringify(week),
        })
      ).json()) as { _embedded: { 'sync-token': string } }
    )._embedded['sync-token'];
    expect(tokenBefore).toBeTruthy();

    // 5. The socket: ticket, upgrade, the calendar's registration, the SPA's keep-alive.
    const ticket = await spa('/ws/ticket', { method: 'POST' });
    expect(ticket.status).toBe(200);
    const { value } = (await ticket.json()) as { value: string };
    socket = await TestSocket.open(socketUrl(env.baseUrl, value));
    expect((await socket.next(() => true, 15_000)).text).toBe('{"calendarListRegistered":true}');
    expect((await socket.request({ register: [calendarPath] }, 15_000)).json).toEqual({
      registered: [calendarPath],
    });
    expect((await socket.request({ type: 'ping', timestamp: Date.now() }, 15_000)).text).toBe('{}');

    // 6. The jCal PUT of an event inviting Bob.
    const uid = `spa-sequence-${env.run}`;
    const event = new ICAL.Component(['vcalendar', [], []]);
    event.addPropertyWithValue('version', '2.0');
    event.addPropertyWithValue('prodid', '-//Twake Calendar SPA//EN');
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', uid);
    vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString('2026-12-01T08:00:00Z'));
    vevent.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('2036-01-15T10:00:00Z'));
    vevent.addPropertyWithValue('dtend', ICAL.Time.fromDateTimeString('2036-01-15T11:00:00Z'));
    vevent.addPropertyWithValue('summary', 'Quarterly planning');
    vevent.addPropertyWithValue('organizer', `mailto:${ALICE}`).setParameter('cn', 'Alice Martin');
    const attendee = vevent.addPropertyWithValue('attendee', `mailto:${BOB}`);
    attendee.setParameter('partstat', 'NEEDS-ACTION');
    attendee.setParameter('rsvp', 'TRUE');
    attendee.setParameter('role', 'REQ-PARTICIPANT');
    vevent.addPropertyWithValue('attendee', `mailto:${ALICE}`).setParameter('partstat', 'ACCEPTED');
    event.addSubcomponent(vevent);
    const put = await spa(`/dav${calendarPath}/${uid}.ics`, {
      method: 'PUT',
      headers: { 'content-type': 'text/calendar; charset=utf-8', prefer: 'handling=strict' },
      body: JSON.stringify(event.toJSON()),
    });
    expect(put.status).toBe(201);
    expect(await report()).toEqual([`/calendars/${home}/${home}/${uid}.ics`]);
    // After the PUT the SPA asks what changed since its token, then the new object by {match}.
    const changes = await spa(`/dav${calendarPath}.json`, {
      method: 'REPORT',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify({ 'sync-token': tokenBefore }),
    });
    expect(changes.status).toBe(200);
    const changed = (await changes.json()) as {
      'sync-token': string;
      _embedded: { 'dav:item': { _links: { self: { href: string } }; status: number }[] };
    };
    expect(changed._embedded['dav:item'].map((item) => [item._links.self.href, item.status])).toEqual([
      [`${calendarPath}/${uid}.ics`, 200],
    ]);
    expect(changed['sync-token']).not.toBe(tokenBefore);
    const one = await spa(`/dav${calendarPath}/${uid}.ics`, {
      method: 'REPORT',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify(week),
    });
    expect(one.status).toBe(200);
    const [item] = ((await one.json()) as { _embedded: { 'dav:item': { data: unknown[] }[] } })._embedded[
      'dav:item'
    ];
    expect(
      new ICAL.Component(item!.data).getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary'),
    ).toBe('Quarterly planning');

    // The object as the SPA re-reads it (GET .ics), the calendar's export, the entity of its owner, the search.
    const ics = await spa(`/dav${calendarPath}/${uid}.ics`);
    expect(ics.status).toBe(200);
    expect(
      ICAL.Component.fromString(await ics.text())
        .getFirstSubcomponent('vevent')!
        .getFirstPropertyValue('uid'),
    ).toBe(uid);
    const exported = await spa(`/dav${calendarPath}.json?export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/calendar');
    expect(await exported.text()).toContain(`UID:${uid}`);
    const entity = await spa(`/api/entity/${home}`);
    expect(entity.status).toBe(200);
    const found = await expectEventually(
      async () => {
        const response = await spa('/calendar/api/events/search?limit=30&offset=0', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'Quarterly', calendars: [{ calendarId: home, userId: home }] }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { _total_hits: number; _embedded: { events: unknown[] } };
        expect(body._total_hits).toBe(1);
        return body;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(found._embedded.events).toHaveLength(1);

    // 7. The push of the calendar's new sync token.
    const push = await socket.nextWith(calendarPath, 30_000);
    const syncToken = (push.json as Record<string, { syncToken?: unknown }>)[calendarPath]!.syncToken;
    expect(typeof syncToken).toBe('string');
    expect(String(syncToken)).not.toBe('');

    // 8. Bob's invitation mail.
    const mails = await expectEventually(
      () => {
        const received = smtp.to(BOB);
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const mail = mails[0]!.parsed;
    expect(mail.subject).toContain('Quarterly planning');
    const to = Array.isArray(mail.to) ? mail.to : [mail.to!];
    expect(to.flatMap((address) => address.value.map((entry) => entry.address))).toEqual([BOB]);
    const part = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
    expect(part).toBeDefined();
    const invitation = ICAL.Component.fromString(part!.content.toString('utf8'));
    expect(invitation.getFirstPropertyValue('method')).toBe('REQUEST');
    const invited = invitation.getFirstSubcomponent('vevent')!;
    expect(invited.getFirstPropertyValue('uid')).toBe(uid);
    expect(
      invited.getAllProperties('attendee').map((property) => String(property.getFirstValue()).toLowerCase()),
    ).toContain(`mailto:${BOB}`);

    // 9. Free/busy as the attendee picker asks it: a free-busy REPORT on Bob's calendar, then
    // POST /calendars/freebusy for the event's attendees (with and without the event's own UID left out).
    const week15 = { start: '20360115T000000', end: '20360116T000000' };
    const freeBusyReport = await spa(`/dav/calendars/${bobId}/${bobId}.json`, {
      method: 'REPORT',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'free-busy-query', match: week15 }),
    });
    expect(freeBusyReport.status).toBe(200);
    const freeBusy = new ICAL.Component(((await freeBusyReport.json()) as { data: unknown[] }).data);
    const periods = freeBusy
      .getFirstSubcomponent('vfreebusy')!
      .getAllProperties('freebusy')
      .map((property) => String(property.getFirstValue()));
    expect(periods).toEqual(['2036-01-15T10:00:00Z/2036-01-15T11:00:00Z']);
    const freeBusyPost = async (uids: string[]) => {
      const response = await spa('/dav/calendars/freebusy', {
        method: 'POST',
        headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
        body: JSON.stringify({ ...week15, users: [bobId, home], uids }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        users: {
          id: string;
          calendars: { id: string; busy: { uid: string; start: string; end: string }[] }[];
        }[];
      };
      return body.users.map((entry) => [entry.id, entry.calendars.flatMap((calendar) => calendar.busy)]);
    };
    const slot = { uid, start: '2036-01-15T10:00:00.000Z', end: '2036-01-15T11:00:00.000Z' };
    expect(await freeBusyPost([])).toEqual([
      [bobId, [slot]],
      [home, [slot]],
    ]);
    expect(await freeBusyPost([uid])).toEqual([
      [bobId, []],
      [home, []],
    ]);

    // 10. A new calendar, then the event MOVEd into it: the push of the new calendar, the event listed there.
    const projects = `projects-${env.run}`;
    const created = await spa(`/dav/calendars/${home}.json`, {
      method: 'POST',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify({ id: projects, 'dav:name': 'Projects', 'apple:color': '#33AA88' }),
    });
    expect(created.status).toBe(201);
    const projectsPath = `/calendars/${home}/${projects}`;
    const listChange = async () => (await socket!.nextWith('calendarList', 30_000)).json;
    expect(await listChange()).toEqual({ calendarList: { created: [projectsPath] } });
    expect((await socket.request({ register: [projectsPath] }, 15_000)).json).toEqual({
      registered: [projectsPath],
    });
    const move = await spa(`/dav${calendarPath}/${uid}.ics`, {
      method: 'MOVE',
      headers: { destination: `${projectsPath}/${uid}.ics` },
    });
    expect(move.status).toBe(201);
    const movedPush = await socket.nextWith(projectsPath, 30_000);
    expect(typeof (movedPush.json as Record<string, { syncToken?: unknown }>)[projectsPath]!.syncToken).toBe(
      'string',
    );
    expect(await report()).toEqual([]);
    const moved = await spa(`/dav${projectsPath}.json`, {
      method: 'REPORT',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify(week),
    });
    const movedItems = (
      (await moved.json()) as { _embedded: { 'dav:item': { _links: { self: { href: string } } }[] } }
    )._embedded['dav:item'];
    expect(movedItems.map((item) => item._links.self.href)).toEqual([`${projectsPath}/${uid}.ics`]);

    // 11. Bob proposes another time (COUNTER with the ITIP verb on his copy): Alice gets the proposal by mail.
    const bobLogin = await loginWithCodeAndPkce(provider.issuer, BOB, 'bob-secret');
    const asBob = (path: string, init: RequestInit) =>
      fetch(`${env.baseUrl}${path}`, {
        ...init,
        headers: {
          origin: SPA,
          authorization: `Bearer ${String(bobLogin.token.access_token)}`,
          ...(init.headers as Record<string, string>),
        },
      });
    const lookup = await asBob(`/dav/calendars/${bobId}.json`, {
      method: 'REPORT',
      headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
      body: JSON.stringify({ uid }),
    });
    expect(lookup.status).toBe(200);
    const bobCopy = (
      (await lookup.json()) as { _embedded: { 'dav:item': { _links: { self: { href: string } } }[] } }
    )._embedded['dav:item'][0]!._links.self.href;
    expect(bobCopy).toMatch(new RegExp(`^/calendars/${bobId}/${bobId}/`));
    const proposal = ICAL.Component.fromString(part!.content.toString('utf8'));
    proposal.removeAllProperties('method');
    proposal.addPropertyWithValue('method', 'COUNTER');
    const proposed = proposal.getFirstSubcomponent('vevent')!;
    proposed.updatePropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('2036-01-15T14:00:00Z'));
    proposed.updatePropertyWithValue('dtend', ICAL.Time.fromDateTimeString('2036-01-15T15:00:00Z'));
    const counter = await asBob(`/dav${bobCopy}`, {
      method: 'POST',
      headers: {
        accept: 'application/json,text/plain,*/*',
        'content-type': 'application/calendar+json',
        prefer: 'return=representation',
        'x-http-method-override': 'ITIP',
      },
      body: JSON.stringify({
        ical: proposal.toString(),
        sender: BOB,
        recipient: ALICE,
        uid,
        sequence: 0,
        method: 'COUNTER',
      }),
    });
    expect(counter.status).toBe(204);
    const proposalMails = await expectEventually(
      () => {
        const received = smtp.to(ALICE);
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const proposalMail = proposalMails[0]!.parsed;
    expect(proposalMail.subject).toContain('Quarterly planning');
    const counterPart = proposalMail.attachments.find(
      (attachment) => attachment.contentType === 'text/calendar',
    );
    expect(counterPart).toBeDefined();
    expect(
      ICAL.Component.fromString(counterPart!.content.toString('utf8')).getFirstPropertyValue('method'),
    ).toBe('COUNTER');

    // 12. Calendar management: PROPPATCH, ACL, share with Bob (each announced), then DELETEs.
    const json = { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' };
    const renamed = await spa(`/dav${projectsPath}.json`, {
      method: 'PROPPATCH',
      headers: json,
      body: JSON.stringify({ 'dav:name': 'Projects 2036', 'apple:color': '#AA3366' }),
    });
    expect(renamed.status).toBe(204);
    expect(await listChange()).toEqual({ calendarList: { updated: [projectsPath] } });
    const single = await spa(`/dav${projectsPath}.json?withRights=true`, {
      headers: { accept: 'application/json' },
    });
    expect(single.status).toBe(200);
    const singleJson = (await single.json()) as Record<string, unknown>;
    expect([singleJson['dav:name'], singleJson['apple:color']]).toEqual(['Projects 2036', '#AA3366']);
    const shared = await spa(`/dav${projectsPath}.json`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        share: { set: [{ 'dav:href': `mailto:${BOB}`, 'dav:read': true }], remove: [] },
      }),
    });
    expect(shared.status).toBe(200);
    expect(await listChange()).toEqual({ calendarList: { updated: [projectsPath] } });
    // Browsing Alice's calendars (sharedPublic): none public yet, which esn-sabre answers with an empty body.
    const browse = async () => {
      const response = await asBob(`/dav/calendars/${home}.json?sharedPublic=true&`, {
        headers: { accept: 'application/calendar+json' },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await browse()).toBe('');
    const acl = await spa(`/dav${projectsPath}.json`, {
      method: 'ACL',
      headers: json,
      body: JSON.stringify({ public_right: '{DAV:}read' }),
    });
    expect(acl.status).toBe(200);
    expect(await acl.json()).toEqual([
      { privilege: '{DAV:}read', principal: '{DAV:}authenticated', protected: true },
    ]);
    const owned = await spa(`/dav${projectsPath}.json?withRights=true`, {
      headers: { accept: 'application/json' },
    });
    expect(((await owned.json()) as { acl: unknown }).acl).toEqual([
      { privilege: '{DAV:}read', principal: '{DAV:}authenticated', protected: true },
    ]);
    const bobList = await asBob(
      `/dav/calendars/${bobId}.json?personal=true&sharedDelegationStatus=accepted&sharedPublicSubscription=true&withRights=true`,
      { headers: { accept: 'application/json' } },
    );
    const bobCalendars = (
      (await bobList.json()) as { _embedded: { 'dav:calendar': Record<string, unknown>[] } }
    )._embedded['dav:calendar'];
    const delegated = bobCalendars.find(
      (entry) => entry['calendarserver:delegatedsource'] === `${projectsPath}.json`,
    );
    expect(delegated?.['dav:name']).toBe('Projects 2036');

    const browsed = JSON.parse(await browse()) as {
      _embedded: { 'dav:calendar': Record<string, unknown>[] };
    };
    expect(
      browsed._embedded['dav:calendar'].map((calendar) => [calendar._links, calendar['dav:name']]),
    ).toEqual([[{ self: { href: `${projectsPath}.json` } }, 'Projects 2036']]);
    // Bob's free/busy calendars as Alice's attendee picker lists them: his own, not the delegated Projects.
    const bobFreeBusy = await spa(`/dav/calendars/${bobId}.json?withFreeBusy=true&withRights=true`, {
      headers: { accept: 'application/calendar+json' },
    });
    const bobOwn = (
      (await bobFreeBusy.json()) as {
        _embedded: { 'dav:calendar': { _links: { self: { href: string } } }[] };
      }
    )._embedded['dav:calendar'];
    expect(bobOwn.map((calendar) => calendar._links.self.href)).toEqual([
      `/calendars/${bobId}/${bobId}.json`,
    ]);

    const deletedEvent = await spa(`/dav${projectsPath}/${uid}.ics`, { method: 'DELETE' });
    expect(deletedEvent.status).toBe(204);
    // Bob's mails after the invitation: the delegation of Projects (share), then the cancellation (DELETE).
    const methodOf = (mail: (typeof mails)[number]) => {
      const calendarPart = mail.parsed.attachments.find(
        (attachment) => attachment.contentType === 'text/calendar',
      );
      return calendarPart
        ? ICAL.Component.fromString(calendarPart.content.toString('utf8')).getFirstPropertyValue('method')
        : undefined;
    };
    const bobMails = await expectEventually(
      () => {
        const received = smtp.to(BOB);
        expect(received.map(methodOf)).toEqual(['REQUEST', undefined, 'CANCEL']);
        return received;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(bobMails[1]!.parsed.text).toContain('Projects 2036');
    const deletedCalendar = await spa(`/dav${projectsPath}.json`, {
      method: 'DELETE',
      headers: { accept: 'application/json, text/plain, */*' },
    });
    expect(deletedCalendar.status).toBe(204);
    expect(await listChange()).toEqual({ calendarList: { deleted: [projectsPath] } });

    process.stdout.write(
      `SPA sequence completed in ${Date.now() - started} ms (login: ${login.steps.join(' -> ')})\n`,
    );
  });
});
