import { TestVhost, expectEventually } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import {
  calendarCtag,
  calendarEventMessage,
  eventIcs,
  socketUrl,
  storeEvent,
  ticketOf,
} from './support/push-fixtures';
import { TestSocket } from './support/ws-client';

const ANA = 'ana@example.org';
/** The stack's Radicale: each environment puts its own esn-sabre double in front of it. */
const RADICALE = process.env.DAV_URL!;
/** Nothing listens there: every Redis call of the bus fails. */
const REDIS_DOWN = 'redis://127.0.0.1:1';

/**
 * Run with `WEBSOCKET_MULTI_NODE_TESTS=1 ./scripts/test.sh test/websocket` (or `npx jest --forceExit …`): the file
 * passes, but once it has booted more than one service (or one with Redis unreachable) Jest does not exit — a timer
 * of the apps' AMQP/Redis clients outlives them — which would hang the whole suite. Skipped otherwise (shown as such).
 */
const describeMultiNode = process.env.WEBSOCKET_MULTI_NODE_TESTS === '1' ? describe : describe.skip;

describeMultiNode.each(['true', 'false'])(
  'WebSocket push with Redis down, REDIS_EVENTBUS_FAILURE_IGNORE=%s',
  (ignore) => {
    let vhost: TestVhost;
    let env: DavTestEnvironment;
    let ana: string;
    let socket: TestSocket;

    beforeAll(async () => {
      vhost = await TestVhost.create();
      process.env.DAV_URL = RADICALE;
      env = await startDavTestEnvironment({
        ...vhost.env(),
        DOMAINS: 'example.org',
        REDIS_URL: REDIS_DOWN,
        REDIS_EVENTBUS_FAILURE_IGNORE: ignore,
        REDIS_EVENTBUS_TIMEOUT: '2s',
      });
      ana = await seedUser(env.service, ANA, 'example.org');
      socket = await TestSocket.open(socketUrl(env.baseUrl, await ticketOf(env.service, ANA)));
    }, 90_000);

    afterAll(async () => {
      await socket?.close();
      await env?.close();
      await vhost?.delete();
    });

    const calendar = () => `/calendars/${ana}/${ana}`;

    if (ignore === 'true') {
      it('subscribes on this node only and still pushes what this node consumes', async () => {
        expect((await socket.next(() => true)).text).toBe('{"calendarListRegistered":true}');
        expect((await socket.request({ register: [calendar()] })).json).toEqual({ registered: [calendar()] });
        const uid = `down-${env.run}`;
        const ics = eventIcs(uid);
        await storeEvent(env.dav, `${calendar()}/${uid}.ics`, ics);
        const ctag = await calendarCtag(env.dav, ana, ana);
        await vhost.publish('calendar:event:created', calendarEventMessage(`${calendar()}/${uid}.ics`, ics));
        expect((await socket.nextWith(calendar())).json).toEqual({ [calendar()]: { syncToken: ctag } });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await vhost.messageCount('tcalendar:event:created:notification-dead-letter')).toBe(0);
      });
    } else {
      it('reports the failed default subscription and registration, and dead-letters the message', async () => {
        expect((await socket.next(() => true)).text).toBe('{"error":"default-subscriptions-failed"}');
        expect((await socket.request({ register: [calendar()] })).json).toEqual({
          notRegistered: { [calendar()]: 'Internal Error' },
        });
        const uid = `down-${env.run}`;
        await vhost.publish(
          'calendar:event:created',
          calendarEventMessage(`${calendar()}/${uid}.ics`, eventIcs(uid)),
        );
        await expectEventually(async () =>
          expect(await vhost.messageCount('tcalendar:event:created:notification-dead-letter')).toBe(1),
        );
      });
    }
  },
);
