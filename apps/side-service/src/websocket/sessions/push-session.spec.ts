import { register } from 'prom-client';
import type { WebSocket } from 'ws';
import { PushMetrics } from './push-metrics';
import { PushSession } from './push-session';

/** The two members of a `ws` socket the session reads, and what it did with it. */
function socket(bufferedAmount: number, readyState = 1) {
  const sent: string[] = [];
  const closed: [number, string][] = [];
  return {
    sent,
    closed,
    socket: {
      readyState,
      bufferedAmount,
      send: (data: string) => sent.push(data),
      close: (code: number, reason: string) => closed.push([code, reason]),
    } as unknown as WebSocket,
  };
}

describe('a push session sending frames', () => {
  beforeEach(() => register.clear());

  it('sends JSON frames while the queued bytes stay under the limit', async () => {
    const metrics = PushMetrics.create();
    const peer = socket(100);
    const session = new PushSession('ana@example.org', peer.socket, 1024, metrics);
    expect(session.send({ calendarListRegistered: true })).toBe(true);
    expect(peer.sent).toEqual(['{"calendarListRegistered":true}']);
    expect((await metrics.framesSent.get()).values[0]!.value).toBe(1);
  });

  it('drops the frame and closes with 1013 when a client does not read (bounded memory)', async () => {
    const metrics = PushMetrics.create();
    const peer = socket(1020);
    const session = new PushSession('ana@example.org', peer.socket, 1024, metrics);
    expect(session.send({ '/calendars/h/c': { syncToken: 'x' } })).toBe(false);
    expect(peer.sent).toEqual([]);
    expect(peer.closed).toEqual([[1013, 'send buffer full']]);
    const dropped = (await metrics.framesDropped.get()).values.find(
      (value) => value.labels.reason === 'buffer-full',
    );
    expect(dropped?.value).toBe(1);
  });

  it('drops frames for a socket that is closing', () => {
    const peer = socket(0, 2);
    const session = new PushSession('ana@example.org', peer.socket, 1024, PushMetrics.create());
    expect(session.send({})).toBe(false);
    expect(peer.sent).toEqual([]);
  });
});
