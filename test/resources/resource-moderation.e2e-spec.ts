import ICAL from 'ical.js';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { UserJwtService } from '@app/auth';
import {
  TestSmtpServer,
  TestVhost,
  expectEventually,
  ics,
  mailLayoutProblems,
  writeRsaKeyPair,
} from '@app/testing';
import type { CapturedMail } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import { header } from '../events/support/mail-assertions';
import { ITIP_EXCHANGE, localDelivery } from '../scheduling/support/itip-messages';

const DOMAIN = 'example.org';
const ANA = 'ana@example.org';
const BOB = 'bob@example.org';
const CAROL = 'carol@example.org';
const DAN = 'dan@example.org';
const SENDER = 'calendar@example.org';
const CREATED_EXCHANGE = 'resource:calendar:event:created';
const CREATED_DLQ = 'resource:tcalendar:event:created:dead-letter';

/** The part of the raw message holding the HTML, with its headers (mail.md §5.1). */
function htmlPartHeaders(mail: CapturedMail): string {
  const raw = mail.raw.toString('utf8');
  const at = raw.search(/Content-Type: text\/html/i);
  expect(at).toBeGreaterThan(0);
  return raw.slice(raw.lastIndexOf('\r\n\r\n', at) + 4, raw.indexOf('\r\n\r\n', at));
}

/** The accept / decline links of a request mail. */
function moderationLinks(mail: CapturedMail): Record<'ACCEPTED' | 'DECLINED', URL> {
  const urls = [...String(mail.parsed.html).matchAll(/href="([^"]*\/participation\?[^"]+)"/g)].map(
    (match) => new URL(match[1]!.replace(/&amp;/g, '&')),
  );
  const of = (status: string) => urls.find((url) => url.searchParams.get('status') === status)!;
  return { ACCEPTED: of('ACCEPTED'), DECLINED: of('DECLINED') };
}

describe('resource moderation: request mails, signed decisions, decision mails (events.md §3.4)', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let env: DavTestEnvironment;
  let jwt: UserJwtService;
  const keys = writeRsaKeyPair();
  const ids: Record<string, string> = {};
  const api = () => request(env.service.api.getHttpServer());
  const uid = (name: string) => `${name}-${env.run}`;
  const db = () => env.service.database.db;

  async function settings(email: string, language: string, timeZone: string): Promise<void> {
    const user = await db()
      .collection('users')
      .findOne({ _id: new ObjectId(ids[email]) });
    await db()
      .collection('configurations')
      .insertOne({
        domain_id: user!.domains[0].domain_id,
        user_id: user!._id,
        modules: [
          {
            name: 'core',
            configurations: [
              { name: 'language', value: language },
              { name: 'datetime', value: { timeZone, use24hourFormat: true } },
            ],
          },
        ],
      });
  }

  async function createResource(name: string, administrators: object[]): Promise<string> {
    const response = await env.service
      .admin()
      .post(`/domains/${DOMAIN}/resources`)
      .send({ name, icon: 'meeting-room', description: `${name} description`, creator: DAN, administrators })
      .expect(201);
    return response.headers.location!.split('/').pop()!;
  }

  /** Ana invites `resourceId` (and Dan): her copy is stored, the scheduling bridge delivers to the resource. */
  async function book(event: string, resourceId: string, name: string): Promise<void> {
    const spec = {
      uid: event,
      summary: `Planning ${event}`,
      start: '20300512T093000',
      end: '20300512T103000',
      location: 'Building A',
      organizer: { email: ANA, cn: 'Ana Lima' },
      attendees: [
        { email: ANA, partstat: 'ACCEPTED' },
        { email: DAN },
        { email: `${resourceId}@${DOMAIN}`, cn: name, cutype: 'RESOURCE' },
      ],
    };
    await env.dav.store.ensureCollection(`/calendars/${ids[ANA]}/`, 'plain');
    await env.dav.store.ensureCollection(`/calendars/${ids[ANA]}/${ids[ANA]}/`, 'calendar');
    const stored = await env.dav.store.request('PUT', `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`, {
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: ics(undefined, spec),
    });
    expect(stored.status).toBe(201);
    await stored.body.dump();
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message: ics('REQUEST', spec),
        recipients: [`mailto:${resourceId}@${DOMAIN}`],
        calendarId: ids[ANA],
      }),
    );
  }

  const mailsAbout = (email: string, event: string) =>
    smtp.to(email).filter((mail) => String(mail.parsed.subject).includes(event));
  const mailAbout = (email: string, event: string) =>
    expectEventually(
      () => {
        const mails = mailsAbout(email, event);
        expect(mails).toHaveLength(1);
        expect(mailLayoutProblems(mails[0]!.raw)).toEqual([]);
        return mails[0]!;
      },
      { timeoutMs: 20_000 },
    );
  const resourceCopy = async (resourceId: string, event: string) => {
    const response = await env.dav.store.text('GET', `/calendars/${resourceId}/${resourceId}/${event}.ics`);
    return response.status === 200
      ? ICAL.Component.fromString(response.text).getFirstSubcomponent('vevent')!
      : undefined;
  };
  const partstatIn = (vevent: ICAL.Component | undefined, email: string) =>
    vevent
      ?.getAllProperties('attendee')
      .find((property) => String(property.getFirstValue()).toLowerCase() === `mailto:${email}`)
      ?.getParameter('partstat');
  const organizerCopy = async (event: string) =>
    ICAL.Component.fromString(
      (await env.dav.store.text('GET', `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`)).text,
    ).getFirstSubcomponent('vevent')!;
  const follow = (link: URL) => api().get(`${link.pathname}${link.search}`);
  const puts = (resourceId: string) =>
    env.dav.seen.filter((seen) => seen.method === 'PUT' && seen.url.startsWith(`/calendars/${resourceId}/`));

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      ...smtp.env(),
      DOMAINS: DOMAIN,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: SENDER,
      MAIL_RECIPIENT_WHITELIST: undefined,
      SELF_URL: 'https://side.example.org/',
      SPA_CALENDAR_URL: 'https://calendar.example.org/',
      DAV_UPDATE_RETRY_MIN_BACKOFF_MS: '1',
    });
    env.dav.setPublisher((exchange, body) => vhost.publish(exchange, body));
    jwt = env.service.api.get(UserJwtService);
    for (const email of [ANA, BOB, CAROL, DAN]) ids[email] = await seedUser(env.service, email, DOMAIN);
    await settings(ANA, 'fr', 'Europe/Paris');
    await settings(BOB, 'vi', 'Asia/Ho_Chi_Minh');
    await settings(CAROL, 'ru', 'Europe/Moscow');
    ids.room = await createResource('Room Jupiter', [
      { email: BOB },
      { email: CAROL, davRight: 'dav:administration' },
    ]);
    ids.van = await createResource('Van', [{ email: ANA }]);
    ids.desk = await createResource('Desk', []);
  });

  afterAll(async () => {
    await env?.close();
    await smtp?.stop();
    await vhost?.delete();
  });

  it('asks both administrators, each in their language and zone, with signed expiring links', async () => {
    const event = uid('accepted');
    await book(event, ids.room!, 'Room Jupiter');
    const toBob = await mailAbout(BOB, event);
    const toCarol = await mailAbout(CAROL, event);

    // headers of mail.md §5
    expect(toBob.envelope).toEqual({ from: SENDER, to: [BOB] });
    expect(toBob.parsed.from).toMatchObject({ value: [{ address: SENDER, name: '' }] });
    expect(toBob.parsed.to).toMatchObject({ value: [{ address: BOB, name: 'bob Test' }] });
    expect(toBob.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
    expect(toBob.parsed.date).toBeInstanceOf(Date);
    expect(header(toBob, 'mime-version')).toBe('1.0');
    expect(header(toBob, 'auto-submitted')).toBeUndefined();
    expect(htmlPartHeaders(toBob)).toMatch(/Content-Language: vi/);
    expect(htmlPartHeaders(toCarol)).toMatch(/Content-Language: ru/);
    expect(toBob.parsed.attachments).toEqual([]);
    expect(toBob.parsed.subject).toBe(`Yêu cầu đặt Room Jupiter: Planning ${event}`);
    expect(toCarol.parsed.subject).toBe(`Запрос на бронирование «Room Jupiter»: Planning ${event}`);

    // the event block: 09:30 Paris is 14:30 in Ho Chi Minh City and 10:30 in Moscow
    const bobText = String(toBob.parsed.text);
    expect(bobText).toContain('Ana Lima muốn đặt Room Jupiter');
    expect(bobText).toContain('14:30 - 15:30 Asia/Ho_Chi_Minh');
    expect(bobText).toContain('Building A');
    expect(String(toCarol.parsed.text)).toContain('10:30 - 11:30 Europe/Moscow');
    expect(String(toBob.parsed.html)).toContain('Room Jupiter');

    const links = moderationLinks(toBob);
    for (const status of ['ACCEPTED', 'DECLINED'] as const) {
      expect(links[status].origin + links[status].pathname).toBe(
        `https://side.example.org/calendar/api/resources/${ids.room}/${event}/participation`,
      );
      expect(links[status].searchParams.get('referrer')).toBe('email');
    }
    const claims = decodeJwt(links.ACCEPTED.searchParams.get('jwt')!);
    expect(claims).toMatchObject({ resourceId: ids.room, eventId: event });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
    expect(mailsAbout(ANA, event)).toEqual([]);
  });

  it('applies an accept link on DAV as the resource, then tells the organizer; a replay changes nothing', async () => {
    const event = uid('accepted');
    const links = moderationLinks(await mailAbout(BOB, event));
    const before = puts(ids.room!).length;
    const answer = await follow(links.ACCEPTED).expect(302);
    expect(answer.headers.location).toBe('https://calendar.example.org/calendar');
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.text).toBe('Found. Redirecting to https://calendar.example.org/calendar');

    const copy = await resourceCopy(ids.room!, event);
    expect(partstatIn(copy, `${ids.room}@${DOMAIN}`)).toBe('ACCEPTED');
    expect(copy!.getFirstPropertyValue('sequence')).toBe(1);
    const write = puts(ids.room!).slice(before);
    expect(write).toHaveLength(1);
    expect(write[0]!.principal).toMatchObject({ kind: 'technical', domain: DOMAIN });
    expect(write[0]!.headers['if-match']).toBeTruthy();
    // the DAV server's reply reached the organizer's copy
    await expectEventually(async () =>
      expect(partstatIn(await organizerCopy(event), `${ids.room}@${DOMAIN}`)).toBe('ACCEPTED'),
    );

    const decision = await mailAbout(ANA, event);
    expect(decision.envelope).toEqual({ from: SENDER, to: [ANA] });
    expect(decision.parsed.subject).toBe(`Room Jupiter a accepté votre réservation : Planning ${event}`);
    expect(htmlPartHeaders(decision)).toMatch(/Content-Language: fr/);
    expect(String(decision.parsed.html)).toContain('#deffe1');
    expect(String(decision.parsed.text)).toContain('Votre réservation a été acceptée pour Room Jupiter');
    expect(String(decision.parsed.text)).toContain('09:30 - 10:30 Europe/Paris');

    // the same link again: 302, no write, no second mail
    await follow(links.ACCEPTED).expect(302);
    expect(puts(ids.room!).length).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsAbout(ANA, event)).toHaveLength(1);
    expect(mailsAbout(BOB, event)).toHaveLength(1);
  });

  it('applies a decline link the same way, with the declined mail', async () => {
    const event = uid('declined');
    await book(event, ids.room!, 'Room Jupiter');
    const links = moderationLinks(await mailAbout(CAROL, event));
    await follow(links.DECLINED).expect(302);
    expect(partstatIn(await resourceCopy(ids.room!, event), `${ids.room}@${DOMAIN}`)).toBe('DECLINED');
    await expectEventually(async () =>
      expect(partstatIn(await organizerCopy(event), `${ids.room}@${DOMAIN}`)).toBe('DECLINED'),
    );
    const decision = await mailAbout(ANA, event);
    expect(decision.parsed.subject).toBe(`Room Jupiter a refusé votre réservation : Planning ${event}`);
    expect(String(decision.parsed.html)).toContain('#ffdede');
  });

  it('refuses bad links with the JSON errors of rest-api.md §6.4 and writes nothing', async () => {
    const event = uid('refused');
    await book(event, ids.room!, 'Room Jupiter');
    const links = moderationLinks(await mailAbout(BOB, event));
    const good = links.ACCEPTED.searchParams.get('jwt')!;
    const path = (resourceId: string, eventId: string) =>
      `/calendar/api/resources/${resourceId}/${eventId}/participation`;
    const call = (query: Record<string, string>, resourceId = ids.room!, eventId = event) =>
      api().get(path(resourceId, eventId)).query(query);
    const before = puts(ids.room!).length;

    const badStatus = await call({ status: 'TENTATIVE', referrer: 'email', jwt: good }).expect(400);
    expect(badStatus.body.error).toMatchObject({ code: 400, type: 'BadRequest' });
    await call({ referrer: 'email', jwt: good }).expect(400);
    await call({ status: 'ACCEPTED', referrer: 'web', jwt: good }).expect(400);

    const missing = await call({ status: 'ACCEPTED', referrer: 'email' }).expect(401);
    expect(missing.body).toEqual({
      error: {
        code: 401,
        type: 'Unauthorized',
        message: 'Unauthorized',
        details: 'JWT is missing or invalid',
      },
    });
    const expired = await jwt.sign(
      { resourceId: ids.room, eventId: event },
      Date.now() - 1000,
      Date.now() - 60_000,
    );
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: expired }).expect(401);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ resourceId: ids.room, eventId: event })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('1h')
      .sign(privateKey);
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: forged }).expect(401);
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: 'not.a.token' }).expect(401);

    const otherResource = await call({ status: 'ACCEPTED', referrer: 'email', jwt: good }, ids.van!).expect(
      403,
    );
    expect(otherResource.body.error).toMatchObject({ code: 403, type: 'Forbidden' });
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: good }, ids.room!, 'another-event').expect(403);
    const noClaim = await jwt.sign({ resourceId: ids.room }, Date.now() + 60_000);
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: noClaim }).expect(400);

    for (const resourceId of [new ObjectId().toHexString(), 'not-an-object-id']) {
      const token = await jwt.sign({ resourceId, eventId: event }, Date.now() + 60_000);
      const unknown = await call({ status: 'ACCEPTED', referrer: 'EMAIL', jwt: token }, resourceId).expect(
        404,
      );
      expect(unknown.body.error).toMatchObject({ code: 404, type: 'NotFound' });
    }
    const ghostToken = await jwt.sign({ resourceId: ids.room, eventId: 'ghost-event' }, Date.now() + 60_000);
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: ghostToken }, ids.room!, 'ghost-event').expect(
      404,
    );

    // the DAV server loses the event (404) or keeps refusing the write (412): 404, 409
    const href = `/calendars/${ids.room}/${ids.room}/${event}.ics`;
    env.dav.failures.set(`GET ${href}`, 404);
    await call({ status: 'ACCEPTED', referrer: 'email', jwt: good }).expect(404);
    env.dav.failures.clear();
    env.dav.failures.set(`PUT ${href}`, 412);
    const conflict = await call({ status: 'ACCEPTED', referrer: 'email', jwt: good }).expect(409);
    expect(conflict.body.error.code).toBe(409);
    env.dav.failures.clear();

    expect(puts(ids.room!).filter((seen) => !seen.url.includes(event) || seen.method !== 'PUT')).toHaveLength(
      before,
    );
    expect(partstatIn(await resourceCopy(ids.room!, event), `${ids.room}@${DOMAIN}`)).toBe('NEEDS-ACTION');
    expect(mailsAbout(ANA, event)).toEqual([]);
  });

  it('accepts by itself when the organizer administers the resource, or nobody does: no mail', async () => {
    const vanEvent = uid('van');
    const deskEvent = uid('desk');
    await book(vanEvent, ids.van!, 'Van');
    await book(deskEvent, ids.desk!, 'Desk');
    await expectEventually(async () => {
      expect(partstatIn(await resourceCopy(ids.van!, vanEvent), `${ids.van}@${DOMAIN}`)).toBe('ACCEPTED');
      expect(partstatIn(await resourceCopy(ids.desk!, deskEvent), `${ids.desk}@${DOMAIN}`)).toBe('ACCEPTED');
    });
    // the resources' replies reached Ana's copies, and were announced
    await expectEventually(async () => {
      expect(partstatIn(await organizerCopy(vanEvent), `${ids.van}@${DOMAIN}`)).toBe('ACCEPTED');
      expect(
        env.dav.sharing.published.filter(
          (message) =>
            message.exchange === 'resource:calendar:event:accepted' && message.body.eventId === deskEvent,
        ),
      ).toHaveLength(1);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const email of [ANA, BOB, CAROL]) {
      expect(mailsAbout(email, vanEvent)).toEqual([]);
      expect(mailsAbout(email, deskEvent)).toEqual([]);
    }
  });

  it('sends one mail per administrator however often the broker delivers the message', async () => {
    const event = uid('twice');
    await book(event, ids.room!, 'Room Jupiter');
    await mailAbout(BOB, event);
    const published = env.dav.sharing.published.find(
      (message) =>
        message.exchange === CREATED_EXCHANGE &&
        message.body.eventPath === `/calendars/${ids.room}/${ids.room}/${event}.ics`,
    )!;
    await vhost.publish(CREATED_EXCHANGE, published.body);
    await vhost.publish(CREATED_EXCHANGE, published.body);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailsAbout(BOB, event)).toHaveLength(1);
    expect(mailsAbout(CAROL, event)).toHaveLength(1);
  });

  it('dead-letters a message that cannot be read', async () => {
    await vhost.publish(CREATED_EXCHANGE, { resourceId: ids.room, eventId: 'x.ics', eventPath: '/x' });
    await vhost.publish(CREATED_EXCHANGE, 'not json');
    await expectEventually(async () => expect(await vhost.messageCount(CREATED_DLQ)).toBe(2));
  });
  it('documents the participation route in the REST OpenAPI document', async () => {
    const document = await api().get('/api/openapi.json').expect(200);
    const route = document.body.paths['/calendar/api/resources/{resourceId}/{eventPathId}/participation'];
    expect(Object.keys(route)).toEqual(['get']);
    expect(Object.keys(route.get.responses).sort()).toEqual([
      '302',
      '400',
      '401',
      '403',
      '404',
      '409',
      'default',
    ]);
  });
  it('stops treating a deleted resource as one at once: a new invitation goes to its address as to anyone', async () => {
    const event = uid('after-deletion');
    await env.service.admin().delete(`/domains/${DOMAIN}/resources/${ids.desk}`).expect(204);
    await book(event, ids.desk!, 'Desk');
    const invitation = await expectEventually(
      () => {
        const mails = smtp.to(`${ids.desk}@${DOMAIN}`);
        expect(mails).toHaveLength(1);
        return mails[0]!;
      },
      { timeoutMs: 20_000 },
    );
    expect(String(invitation.parsed.subject)).toContain(event);
    expect(env.dav.itip.received.filter((call) => call.uid === event)).toEqual([]);
  });
});
