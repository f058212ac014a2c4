import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import ICAL from 'ical.js';
import request from 'supertest';
import { UserJwtService } from '@app/auth';
import { DavClient, DavIdentity, DavPaths } from '@app/dav-client';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const invitation = (uid: string, extra: string[] = []) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T080000Z',
    'DTSTART:20260601T100000Z',
    'DTEND:20260601T110000Z',
    'SUMMARY:Kick-off',
    'ORGANIZER;CN=Alice:mailto:alice@twake.test',
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@twake.test',
    'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:Bob@Partner.test',
    'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:carol@twake.test',
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('Excal participation: GET /calendar/api/calendars/event/participation?jwt=', () => {
  let env: DavTestEnvironment;
  let jwt: UserJwtService;
  let dav: DavClient;
  let aliceId: string;
  let carolId: string;
  const alice = DavIdentity.user('alice@twake.test');
  const api = () => request(env.service.api.getHttpServer());
  const participate = (token?: string) =>
    api().get(
      `/calendar/api/calendars/event/participation${token === undefined ? '' : `?jwt=${encodeURIComponent(token)}`}`,
    );
  const token = (claims: Record<string, unknown>, expiresInMs = 3_600_000) =>
    jwt.sign(claims, Date.now() + expiresInMs);
  const partstatOf = async (identity: DavIdentity, href: string, email: string) => {
    const ics = (await dav.getObject(identity, href))!.ics;
    const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!;
    const attendee = vevent
      .getAllProperties('attendee')
      .find((property) => String(property.getFirstValue()).toLowerCase() === `mailto:${email}`);
    return {
      partstat: attendee?.getParameter('partstat'),
      sequence: vevent.getFirstPropertyValue('sequence'),
    };
  };
  const unauthorized = {
    error: { code: 401, type: 'Unauthorized', message: 'Unauthorized', details: 'JWT is missing or invalid' },
  };

  beforeAll(async () => {
    env = await startDavTestEnvironment({ DOMAINS: 'twake.test' });
    jwt = env.service.api.get(UserJwtService);
    dav = env.service.api.get(DavClient);
    aliceId = await seedUser(env.service, 'alice@twake.test', 'twake.test');
    carolId = await seedUser(env.service, 'carol@twake.test', 'twake.test');
  });
  afterAll(() => env.close());

  it('lets an external attendee accept, acting as the organizer, and answers the event with fresh links', async () => {
    const uid = `kickoff-${env.run}`;
    await dav.importCalendarObject(alice, aliceId, aliceId, uid, invitation(uid));
    const claims = {
      attendeeEmail: 'bob@partner.test',
      organizerEmail: 'alice@twake.test',
      uid,
      calendarURI: aliceId,
      action: 'ACCEPTED',
    };
    const response = await participate(await token(claims)).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ attendeeEmail: 'bob@partner.test', locale: 'en' });
    const event = new ICAL.Component(response.body.eventJSON);
    const bob = event
      .getFirstSubcomponent('vevent')!
      .getAllProperties('attendee')
      .find((property) => String(property.getFirstValue()) === 'mailto:Bob@Partner.test')!;
    expect(bob.getParameter('partstat')).toBe('ACCEPTED');

    const href = DavPaths.calendarObject(aliceId, aliceId, uid);
    expect(await partstatOf(alice, href, 'bob@partner.test')).toEqual({ partstat: 'ACCEPTED', sequence: 1 });
    const puts = env.dav.seen.filter((seen) => seen.method === 'PUT' && seen.url === href);
    expect(puts.at(-1)!.headers['if-match']).toMatch(/^".+"$/);
    expect(puts.at(-1)!.principal).toMatchObject({ kind: 'user', email: 'alice@twake.test' });

    const { yes, no, maybe } = response.body.links;
    const actions: Record<string, string> = {};
    for (const [name, link] of Object.entries({ yes, no, maybe }) as [string, string][]) {
      expect(link.startsWith('http://127.0.0.1:19900/excal/excal/?jwt=')).toBe(true);
      const linkClaims = decodeJwt(new URL(link).searchParams.get('jwt')!);
      expect(linkClaims).toMatchObject({ ...claims, action: expect.any(String) });
      expect(linkClaims.iat).toEqual(expect.any(Number));
      expect(linkClaims.exp).toBeUndefined();
      actions[name] = linkClaims.action as string;
    }
    expect(actions).toEqual({ yes: 'ACCEPTED', no: 'REJECTED', maybe: 'TENTATIVE' });
    const again = await participate(await token(claims)).expect(200);
    expect(again.body.links.yes).not.toBe(yes);
    // Same answer again: nothing to write.
    expect(env.dav.seen.filter((seen) => seen.method === 'PUT' && seen.url === href)).toHaveLength(
      puts.length,
    );
  });

  it('answers in the language of the internal attendee, else of the organizer', async () => {
    const uid = `locale-${env.run}`;
    await dav.importCalendarObject(alice, aliceId, aliceId, uid, invitation(uid));
    const carolUser = await env.service.database.db
      .collection('users')
      .findOne({ 'accounts.emails': 'carol@twake.test' });
    const aliceUser = await env.service.database.db
      .collection('users')
      .findOne({ 'accounts.emails': 'alice@twake.test' });
    // Legacy settings documents, as OpenPaaS writes them.
    for (const [user, language] of [
      [aliceUser!, 'fr'],
      [carolUser!, 'vi'],
    ] as const)
      await env.service.database.db.collection('configurations').insertOne({
        domain_id: user.domains[0].domain_id,
        user_id: user._id,
        modules: [{ name: 'core', configurations: [{ name: 'language', value: language }] }],
      });
    const claims = { organizerEmail: 'alice@twake.test', uid, calendarURI: aliceId, action: 'TENTATIVE' };
    const external = await participate(await token({ ...claims, attendeeEmail: 'bob@partner.test' })).expect(
      200,
    );
    expect(external.body.locale).toBe('fr');
    await dav.importCalendarObject(
      DavIdentity.user('carol@twake.test'),
      carolId,
      carolId,
      uid,
      invitation(uid),
    );
    const internal = await participate(
      await token({ ...claims, calendarURI: carolId, attendeeEmail: 'carol@twake.test' }),
    ).expect(200);
    expect(internal.body.locale).toBe('vi');
    await env.service.database.db.collection('configurations').deleteMany({});
  });

  it('lets an internal attendee decline in their own calendar, acting as themselves', async () => {
    const uid = `internal-${env.run}`;
    const carol = DavIdentity.user('carol@twake.test');
    await dav.importCalendarObject(carol, carolId, carolId, uid, invitation(uid));
    const response = await participate(
      await token({
        attendeeEmail: 'carol@twake.test',
        organizerEmail: 'alice@twake.test',
        uid,
        calendarURI: carolId,
        action: 'REJECTED',
      }),
    ).expect(200);
    expect(response.body.attendeeEmail).toBe('carol@twake.test');
    const href = DavPaths.calendarObject(carolId, carolId, uid);
    expect((await partstatOf(carol, href, 'carol@twake.test')).partstat).toBe('DECLINED');
    expect(env.dav.seen.filter((seen) => seen.method === 'PUT').at(-1)!.principal).toMatchObject({
      email: 'carol@twake.test',
    });
  });

  it('answers 404 for an unknown or cancelled event, and 400 (body 500) for an attendee not in the event', async () => {
    const base = { organizerEmail: 'alice@twake.test', calendarURI: aliceId, action: 'TENTATIVE' };
    const missing = await participate(
      await token({ ...base, attendeeEmail: 'bob@partner.test', uid: `none-${env.run}` }),
    ).expect(404);
    expect(missing.body.error).toMatchObject({ code: 404, type: 'NotFound', message: 'Not found' });

    const cancelled = `cancelled-${env.run}`;
    await dav.importCalendarObject(
      alice,
      aliceId,
      aliceId,
      cancelled,
      invitation(cancelled, ['STATUS:CANCELLED']),
    );
    await participate(await token({ ...base, attendeeEmail: 'bob@partner.test', uid: cancelled })).expect(
      404,
    );

    const uid = `stranger-${env.run}`;
    await dav.importCalendarObject(alice, aliceId, aliceId, uid, invitation(uid));
    const stranger = await participate(
      await token({ ...base, attendeeEmail: 'dan@partner.test', uid }),
    ).expect(400);
    expect(stranger.body.error).toMatchObject({ code: 500, type: 'ServerError', message: 'Server Error' });
  });

  it('answers 401 for a missing, forged, expired or incomplete token', async () => {
    const valid = {
      attendeeEmail: 'bob@partner.test',
      organizerEmail: 'alice@twake.test',
      uid: 'x',
      calendarURI: aliceId,
      action: 'ACCEPTED',
    };
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(valid).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    for (const candidate of [
      undefined,
      '',
      'not-a-jwt',
      forged,
      await token(valid, -60_000),
      await token({ ...valid, action: 'accepted' }),
      await token({ ...valid, uid: undefined }),
      await token({ ...valid, attendeeEmail: 'not an email' }),
    ]) {
      expect((await participate(candidate).expect(401)).body).toEqual(unauthorized);
    }
  });
});
