import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventBus as CqrsEventBus } from '@nestjs/cqrs';
import { TestVhost, expectEventually } from '@app/testing';
import { DisplayAlarmFiredEvent } from '../../apps/side-service/src/alarms/events/display-alarm-fired.event';
import { ImportCompletedEvent } from '../../apps/side-service/src/import/events/import-completed.event';
import { BookingLinkStateChangedEvent } from '../../apps/side-service/src/websocket/events/booking-link-state-changed.event';
import {
  DavTestEnvironment,
  basic,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import {
  bookSyncToken,
  calendarCtag,
  calendarEventMessage,
  connect,
  eventIcs,
  socketUrl,
  storeEvent,
  ticketOf,
} from './support/push-fixtures';
import { TestSocket, refusalOf } from './support/ws-client';

const ANA = 'ana@example.org';
const BOB = 'bob@example.org';

describe('WebSocket push: GET /ws (rest-api.md §6.7, events.md §7)', () => {
  let vhost: TestVhost;
  let env: DavTestEnvironment;
  const ids: Record<string, string> = {};
  const sockets: TestSocket[] = [];
  const open = async (email: string) => {
    const socket = await connect(env.service, env.baseUrl, email);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    vhost = await TestVhost.create();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      DOMAINS: 'example.org,twake.test',
      BASIC_AUTH_ENABLED: 'true',
      WEBSOCKET_PING_INTERVAL: '1s',
      WEBSOCKET_MAX_SOCKETS_PER_USER: '3',
      WEBSOCKET_MAX_FRAME_SIZE: '1KiB',
    });
    env.dav.access.strict = true;
    for (const email of [ANA, BOB]) ids[email] = await seedUser(env.service, email, 'example.org');
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });

  afterAll(async () => {
    await env?.close();
    await vhost?.delete();
  });

  describe('upgrade and tickets', () => {
    it('opens with a ticket of POST /ws/ticket, subscribes the user and refuses the ticket a second time', async () => {
      const ticket = await request(env.baseUrl)
        .post('/ws/ticket')
        .set('Authorization', basic('alice@twake.test', 'alice-secret'))
        .expect(200);
      const url = socketUrl(env.baseUrl, ticket.body.value);
      const socket = await TestSocket.open(url);
      sockets.push(socket);
      const first = await socket.next(() => true);
      expect(first.text).toBe('{"calendarListRegistered":true}');
      expect(await refusalOf(url)).toBe(401);
    });

    it('refuses the upgrade with 401 without a ticket, with an unknown or malformed one', async () => {
      expect(await refusalOf(`${env.baseUrl.replace('http', 'ws')}/ws`)).toBe(401);
      expect(await refusalOf(socketUrl(env.baseUrl, randomUUID()))).toBe(401);
      expect(await refusalOf(socketUrl(env.baseUrl, 'not-a-ticket'))).toBe(401);
    });

    it('answers a plain GET /ws with 426, never through the fallback proxy', async () => {
      const response = await request(env.baseUrl).get('/ws').query({ ticket: randomUUID() }).expect(426);
      expect(response.headers.upgrade).toBe('websocket');
      expect(response.text).toBe('');
    });

    it('refuses a socket beyond the per-user maximum with 429', async () => {
      for (let i = 0; i < 3; i++) await open(BOB);
      expect(await refusalOf(socketUrl(env.baseUrl, await ticketOf(env.service, BOB)))).toBe(429);
      await sockets.pop()!.close();
      await expectEventually(async () =>
        expect(await refusalOf(socketUrl(env.baseUrl, await ticketOf(env.service, BOB)))).toBe(101),
      );
    });
  });

  describe('client frames', () => {
    it("answers the SPA's keep-alive with exactly {}", async () => {
      const socket = await open(ANA);
      expect((await socket.request({ type: 'ping', timestamp: Date.now() })).text).toBe('{}');
      expect((await socket.request({ type: 'ping' })).text).toBe('{}');
    });

    it('switches display notifications on and off', async () => {
      const socket = await open(ANA);
      expect((await socket.request({ enableDisplayNotification: true })).json).toEqual({
        displayNotificationEnabled: true,
      });
      expect((await socket.request({ enableDisplayNotification: false })).json).toEqual({
        displayNotificationEnabled: false,
      });
    });

    it('answers malformed frames with {"error":"Invalid Request"}', async () => {
      const socket = await open(ANA);
      for (const frame of [
        'not json',
        '[1,2]',
        '"text"',
        { register: '/calendars/a/b' },
        { register: [1] },
        { unregister: {} },
        { enableDisplayNotification: 'yes' },
        { type: 'pong' },
        { somethingElse: true },
      ])
        expect((await socket.request(frame)).text).toBe('{"error":"Invalid Request"}');
      const before = new Set(socket.frames);
      socket.socket.send(Buffer.from('{}'), { binary: true });
      expect((await socket.next((frame) => !before.has(frame))).text).toBe('{"error":"Invalid Request"}');
    });

    it('refuses unsupported resources and entries both registered and unregistered', async () => {
      const socket = await open(ANA);
      expect((await socket.request({ register: ['/calendars/a/b', '/principals/users/a'] })).json).toEqual({
        error: 'Unsupported subscription resource: /principals/users/a',
      });
      expect((await socket.request({ unregister: ['calendars/a/b'] })).json).toEqual({
        error: 'Unsupported subscription resource: calendars/a/b',
      });
      expect(
        (await socket.request({ register: ['/calendars/a/b'], unregister: ['/calendars/a/b'] })).json,
      ).toEqual({ error: 'register and unregister cannot contain duplicated entries' });
    });

    it('registers readable collections only, with the reasons of the others', async () => {
      const ana = ids[ANA]!;
      const bob = ids[BOB]!;
      // Bob's default collections exist once he used DAV (esn-sabre creates them on a principal's first request).
      const bobs = await open(BOB);
      expect(
        (await bobs.request({ register: [`/calendars/${bob}/${bob}`, `/addressbooks/${bob}/contacts`] }))
          .json,
      ).toEqual({
        registered: [`/calendars/${bob}/${bob}`, `/addressbooks/${bob}/contacts`],
      });
      const socket = await open(ANA);
      const reply = await socket.request({
        register: [
          `/calendars/${ana}/${ana}`,
          `/addressbooks/${ana}/contacts`,
          `/calendars/${bob}/${bob}`,
          `/addressbooks/${bob}/contacts`,
          `/calendars/${ana}/missing-${env.run}`,
          `/addressbooks/${ana}/missing-${env.run}`,
          `/calendars/${ana}`,
        ],
      });
      expect(reply.json).toEqual({
        registered: [`/calendars/${ana}/${ana}`, `/addressbooks/${ana}/contacts`],
        notRegistered: {
          [`/calendars/${bob}/${bob}`]: 'Forbidden',
          [`/addressbooks/${bob}/contacts`]: 'Forbidden',
          [`/calendars/${ana}/missing-${env.run}`]: 'NotFound',
          [`/addressbooks/${ana}/missing-${env.run}`]: 'NotFound',
          [`/calendars/${ana}`]: 'NotFound',
        },
      });
      // idempotent, and unregistering an unknown entry still reports it
      expect((await socket.request({ register: [`/calendars/${ana}/${ana}`] })).json).toEqual({
        registered: [`/calendars/${ana}/${ana}`],
      });
      expect(
        (await socket.request({ unregister: [`/calendars/${ana}/${ana}`, `/calendars/${ana}/never`] })).json,
      ).toEqual({ unregistered: [`/calendars/${ana}/${ana}`, `/calendars/${ana}/never`] });
      expect((await socket.request({ register: [] })).text).toBe('{}');
    });

    it('reports "Internal Error" when DAV fails the access check', async () => {
      const ana = ids[ANA]!;
      const socket = await open(ANA);
      env.dav.failures.set(`/calendars/${ana}/${ana}.json`, 500);
      try {
        expect((await socket.request({ register: [`/calendars/${ana}/${ana}`] })).json).toEqual({
          notRegistered: { [`/calendars/${ana}/${ana}`]: 'Internal Error' },
        });
      } finally {
        env.dav.failures.delete(`/calendars/${ana}/${ana}.json`);
      }
    });

    it('closes the socket on a frame above WEBSOCKET_MAX_FRAME_SIZE (1009)', async () => {
      const socket = await open(ANA);
      socket.send({ register: [`/calendars/${'x'.repeat(2_000)}/y`] });
      expect((await socket.whenClosed()).code).toBe(1009);
    });
  });

  describe('keep-alive', () => {
    it('pings every WEBSOCKET_PING_INTERVAL and closes a socket that does not answer', async () => {
      const socket = await open(ANA);
      await expectEventually(() => expect(socket.pings.length).toBeGreaterThanOrEqual(2), {
        timeoutMs: 5_000,
      });
      const silent = await TestSocket.open(socketUrl(env.baseUrl, await ticketOf(env.service, ANA)), {
        autoPong: false,
      });
      sockets.push(silent);
      const closed = await silent.whenClosed();
      expect(closed.code).toBe(1006);
      expect(silent.pings.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('pushes', () => {
    it('sends the sync token read from DAV to every client registered on a calendar when a Sabre message arrives', async () => {
      const ana = ids[ANA]!;
      const bob = ids[BOB]!;
      const calendar = `/calendars/${ana}/${ana}`;
      const [first, second, other] = [await open(ANA), await open(ANA), await open(BOB)];
      for (const socket of [first, second])
        expect((await socket.request({ register: [calendar] })).json).toEqual({ registered: [calendar] });
      expect((await other.request({ register: [`/calendars/${bob}/${bob}`] })).json).toEqual({
        registered: [`/calendars/${bob}/${bob}`],
      });
      const uid = `push-${env.run}`;
      const ics = eventIcs(uid);
      await storeEvent(env.dav, `${calendar}/${uid}.ics`, ics);
      const ctag = await calendarCtag(env.dav, ana, ana);
      await vhost.publish('calendar:event:created', calendarEventMessage(`${calendar}/${uid}.ics`, ics));
      for (const socket of [first, second])
        expect((await socket.nextWith(calendar)).json).toEqual({ [calendar]: { syncToken: ctag } });
      // the same for every event exchange
      for (const exchange of ['updated', 'deleted', 'cancel', 'request', 'reply']) {
        await vhost.publish(
          `calendar:event:${exchange}`,
          calendarEventMessage(`${calendar}/${uid}.ics`, ics),
        );
        expect((await first.nextWith(calendar)).json).toEqual({ [calendar]: { syncToken: ctag } });
      }
      expect(other.frames.filter((frame) => calendar in frame.json)).toEqual([]);
    });

    it('sends the address book sync token on sabre:contact:* messages', async () => {
      const ana = ids[ANA]!;
      const book = `/addressbooks/${ana}/contacts`;
      const socket = await open(ANA);
      expect((await socket.request({ register: [book] })).json).toEqual({ registered: [book] });
      const token = await bookSyncToken(env.dav, ana, 'contacts');
      await vhost.publish('sabre:contact:created', {
        path: `addressbooks/${ana}/contacts/c1.vcf`,
        owner: `principals/users/${ana}`,
        carddata: 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:c1\r\nFN:Carla\r\nEND:VCARD\r\n',
      });
      expect((await socket.nextWith(book)).json).toEqual({ [book]: { syncToken: token } });
      await vhost.publish('sabre:contact:deleted', { path: `addressbooks/${ana}/contacts/c1.vcf` });
      expect((await socket.nextWith(book)).json).toEqual({ [book]: { syncToken: token } });
    });

    it('pushes calendar list changes to the owner, with delegation detected', async () => {
      const ana = ids[ANA]!;
      const socket = await open(ANA);
      const path = (id: string) => `/calendars/${ana}/${id}`;
      const cases: [string, Record<string, unknown>, string][] = [
        [
          'calendar:calendar:created',
          { calendarPath: path('c1'), calendarProps: { '{DAV:}displayname': 'C1' } },
          'created',
        ],
        [
          'calendar:calendar:created',
          { calendarPath: path('c2'), calendarProps: { access: 'dav:read-write' } },
          'delegated',
        ],
        [
          'calendar:calendar:created',
          { calendarPath: path('c3'), calendarProps: { access: 'dav:freebusy' } },
          'created',
        ],
        [
          'calendar:calendar:updated',
          { calendarPath: path('c1'), calendarProps: { public_right: '{DAV:}read' } },
          'updated',
        ],
        ['calendar:calendar:deleted', { calendarPath: path('c1'), calendarProps: null }, 'deleted'],
        [
          'calendar:subscription:created',
          { calendarPath: path('s1'), calendarSourcePath: null },
          'subscribed',
        ],
        ['calendar:subscription:updated', { calendarPath: path('s1'), calendarSourcePath: null }, 'updated'],
        [
          'calendar:subscription:deleted',
          { calendarPath: path('s1'), calendarSourcePath: `/calendars/${ids[BOB]}/x` },
          'deleted',
        ],
      ];
      for (const [exchange, body, change] of cases) {
        await vhost.publish(exchange, body);
        expect((await socket.nextWith('calendarList')).json).toEqual({
          calendarList: { [change]: [body.calendarPath] },
        });
      }
    });

    it('skips deletions of unknown owners and dead-letters other messages it cannot process', async () => {
      const unknown = '65f0a1b2c3d4e5f601239999';
      await vhost.publish('calendar:calendar:deleted', {
        calendarPath: `/calendars/${unknown}/c`,
        calendarProps: null,
      });
      await vhost.publish('calendar:calendar:created', {
        calendarPath: `/calendars/${unknown}/c`,
        calendarProps: {},
      });
      await vhost.publish('calendar:event:created', { event: ['vcalendar', [], []] });
      await vhost.publish('sabre:contact:updated', { path: 'not-a-card' });
      await expectEventually(async () => {
        expect(await vhost.messageCount('tcalendar:calendar:list:notification:dead-letter')).toBe(1);
        expect(await vhost.messageCount('tcalendar:event:created:notification-dead-letter')).toBe(1);
        expect(await vhost.messageCount('tcalendar:contact:updated:notification-dead-letter')).toBe(1);
      });
      const [dead] = await vhost.drain('tcalendar:calendar:list:notification:dead-letter');
      expect(JSON.parse(dead!.content.toString()).calendarPath).toBe(`/calendars/${unknown}/c`);
    });

    it('pushes import results to the subscribers of the target', async () => {
      const ana = ids[ANA]!;
      const calendar = `/calendars/${ana}/${ana}`;
      const socket = await open(ANA);
      await socket.request({ register: [calendar] });
      const events = env.service.api.get(CqrsEventBus);
      events.publish(new ImportCompletedEvent('imp-1', ANA, 'calendar', calendar, 'completed', 10, 2, []));
      expect((await socket.nextWith(calendar)).json).toEqual({
        [calendar]: { imports: { 'imp-1': { status: 'completed', succeedCount: 10, failedCount: 2 } } },
      });
      events.publish(new ImportCompletedEvent('imp-2', ANA, 'calendar', calendar, 'failed', 0, 0, []));
      expect((await socket.nextWith(calendar)).json).toEqual({
        [calendar]: { imports: { 'imp-2': { status: 'failed' } } },
      });
    });

    it('pushes DISPLAY alarms to the sessions that enabled them, and booking-link changes', async () => {
      const [enabled, disabled] = [await open(ANA), await open(ANA)];
      await enabled.request({ enableDisplayNotification: true });
      const events = env.service.api.get(CqrsEventBus);
      const eventURL = `/calendars/${ids[ANA]}/${ids[ANA]}/standup.ics`;
      events.publish(
        new DisplayAlarmFiredEvent('Ana@Example.org', 'Standup', eventURL, new Date('2036-01-15T10:00:00Z')),
      );
      expect((await enabled.nextWith('alarms')).json).toEqual({
        alarms: [{ eventSummary: 'Standup', eventURL, eventStartTime: '2036-01-15T10:00:00Z' }],
      });
      events.publish(new BookingLinkStateChangedEvent(ANA));
      for (const socket of [enabled, disabled])
        expect((await socket.nextWith('bookingLinkStateChanged')).text).toBe(
          '{"bookingLinkStateChanged":true}',
        );
      expect(disabled.frames.filter((frame) => 'alarms' in frame.json)).toEqual([]);
    });
  });
});
