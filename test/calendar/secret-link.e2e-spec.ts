import request from 'supertest';
import { DavClient, DavIdentity } from '@app/dav-client';
import {
  DavTestEnvironment,
  basic,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const event = (uid: string, summary: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T080000Z',
    'DTSTART:20260601T100000Z',
    'DTEND:20260601T110000Z',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('Secret links and the ICS export', () => {
  let env: DavTestEnvironment;
  let aliceId: string;
  let bobId: string;
  const alice = basic('alice@twake.test', 'alice-secret');
  const api = () => request(env.service.api.getHttpServer());
  const secretLink = (home: string, calendar: string, query = '') =>
    api().get(`/calendar/api/calendars/${home}/${calendar}/secret-link${query}`).set('Authorization', alice);
  const download = (url: string) => api().get(new URL(url).pathname + new URL(url).search);
  const forbidden = {
    error: { code: 403, type: 'Forbidden', message: 'Forbidden', details: 'Token validation failed' },
  };

  beforeAll(async () => {
    env = await startDavTestEnvironment({ DOMAINS: 'twake.test', BASIC_AUTH_ENABLED: 'true' });
    aliceId = await seedUser(env.service, 'alice@twake.test', 'twake.test');
    bobId = await seedUser(env.service, `bob-${env.run}@twake.test`, 'twake.test');
    const dav = env.service.api.get(DavClient);
    const asAlice = DavIdentity.user('alice@twake.test');
    await dav.importCalendarObject(
      asAlice,
      aliceId,
      aliceId,
      `a1-${env.run}`,
      event(`a1-${env.run}`, 'Alice one'),
    );
    await dav.importCalendarObject(
      asAlice,
      aliceId,
      aliceId,
      `a2-${env.run}`,
      event(`a2-${env.run}`, 'Alice two'),
    );
    const asBob = DavIdentity.user(`bob-${env.run}@twake.test`);
    await dav.importCalendarObject(asBob, bobId, bobId, `b1-${env.run}`, event(`b1-${env.run}`, 'Bob one'));
  });
  afterAll(() => env.close());

  it('creates a link once, then returns the same one', async () => {
    const first = await secretLink(aliceId, aliceId).expect(200);
    expect(first.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(first.body.secretLink).toMatch(
      new RegExp(
        `^http://127\\.0\\.0\\.1:18080/api/calendars/${aliceId}/${aliceId}/calendar\\.ics\\?token=[A-Za-z0-9_-]{30}$`,
      ),
    );
    const second = await secretLink(aliceId, aliceId, '?shouldResetLink=false').expect(200);
    expect(second.body.secretLink).toBe(first.body.secretLink);
    const stored = await env.service.database.db
      .collection('secretlinks')
      .find({ calendarId: aliceId })
      .toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.user_id.toHexString()).toBe(aliceId);
  });

  it('streams the calendar for a valid token', async () => {
    const { secretLink: url } = (await secretLink(aliceId, aliceId).expect(200)).body;
    const response = await download(url).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename=calendar.ics');
    const text = response.text;
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`UID:a1-${env.run}`);
    expect(text).toContain('SUMMARY:Alice two');
    expect(env.dav.seen.at(-1)!.url).toBe(`/calendars/${aliceId}/${aliceId}?export`);
  });

  it('stops accepting the old token after a reset; the new one works', async () => {
    const { secretLink: old } = (await secretLink(aliceId, aliceId).expect(200)).body;
    const { secretLink: fresh } = (await secretLink(aliceId, aliceId, '?shouldResetLink=TRUE').expect(200))
      .body;
    expect(fresh).not.toBe(old);
    expect((await download(old).expect(403)).body).toEqual(forbidden);
    expect((await download(fresh).expect(200)).text).toContain(`UID:a2-${env.run}`);
  });

  it('refuses a token used for another calendar, an unknown token, a missing one; 400 for invalid characters', async () => {
    const { secretLink: url } = (await secretLink(aliceId, aliceId).expect(200)).body;
    const token = new URL(url).searchParams.get('token');
    expect(
      (await api().get(`/api/calendars/${bobId}/${bobId}/calendar.ics?token=${token}`).expect(403)).body,
    ).toEqual(forbidden);
    await api()
      .get(`/api/calendars/${aliceId}/${aliceId}/calendar.ics?token=${'A'.repeat(30)}`)
      .expect(403);
    await api().get(`/api/calendars/${aliceId}/${aliceId}/calendar.ics`).expect(403);
    const invalid = await api()
      .get(`/api/calendars/${aliceId}/${aliceId}/calendar.ics?token=abc%2Bdef`)
      .expect(400);
    expect(invalid.body).toEqual({
      error: {
        code: 400,
        type: 'BadRequest',
        message: 'Bad Request',
        details: 'Invalid token: only letters, digits, hyphen, and underscore are allowed.',
      },
    });
  });

  it('exports the source of a subscription', async () => {
    const subscription = `sub-${env.run}`;
    await env.dav.createSubscription(aliceId, subscription, `/calendars/${bobId}/${bobId}`);
    const { secretLink: url } = (await secretLink(aliceId, subscription).expect(200)).body;
    const text = (await download(url).expect(200)).text;
    expect(text).toContain(`UID:b1-${env.run}`);
    expect(text).not.toContain(`UID:a1-${env.run}`);
    expect(env.dav.seen.at(-1)!.url).toBe(`/calendars/${bobId}/${bobId}?export`);
  });

  it('answers 404 for a calendar the DAV server does not know, 503 when it fails', async () => {
    const missing = `missing-${env.run}`;
    const { secretLink: url } = (await secretLink(aliceId, missing).expect(200)).body;
    expect((await download(url).expect(404)).body.error).toMatchObject({ code: 404, type: 'NotFound' });

    const { secretLink: working } = (await secretLink(aliceId, aliceId).expect(200)).body;
    env.dav.failures.set(`/calendars/${aliceId}/${aliceId}?export`, 500);
    try {
      expect((await download(working).expect(503)).body).toEqual({
        error: {
          code: 503,
          type: 'ServiceUnavailable',
          message: 'Service Unavailable',
          details: 'Service Unavailable',
        },
      });
    } finally {
      env.dav.failures.clear();
    }
  });

  it('requires authentication to obtain a link', async () => {
    await api().get(`/calendar/api/calendars/${aliceId}/${aliceId}/secret-link`).expect(401);
  });
});
