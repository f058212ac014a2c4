import { Readable } from 'node:stream';
import { request } from 'undici';
import { TestService, startTestService } from '../support/service-apps';
import { basic } from '../doubles/esn-sabre/dav-test-environment';
import {
  IN_FLIGHT_BOUND,
  LARGE_BODY_BYTES as SIZE,
  MiB,
  TransportDavServer,
} from '../support/transport-dav-server';

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DAV proxy transport: streaming both ways, timeouts, DAV server down', () => {
  let upstream: TransportDavServer;
  let service: TestService;
  let base: string;
  const auth = { authorization: basic('admin@twake.test', 'admin-secret') };

  beforeAll(async () => {
    upstream = await TransportDavServer.start();
    service = await startTestService({
      DAV_URL: upstream.url,
      DAV_RESPONSE_TIMEOUT: '1s',
    });
    await service.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(service.api.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await service.close();
  });

  it('streams a 256 MiB answer: the DAV server is held back by a slow client, nothing is buffered', async () => {
    const response = await request(`${base}/dav/big`, { headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(SIZE));
    let received = 0;
    let aheadWhilePaused = -1;
    for await (const chunk of response.body) {
      received += (chunk as Buffer).length;
      if (aheadWhilePaused < 0 && received >= MiB) {
        await sleep(500);
        aheadWhilePaused = upstream.sent - received;
      }
    }
    expect(received).toBe(SIZE);
    expect(aheadWhilePaused).toBeGreaterThanOrEqual(0);
    expect(aheadWhilePaused).toBeLessThan(IN_FLIGHT_BOUND);
  });

  it('streams a 256 MiB request body: a slow DAV server holds the client back, nothing is buffered', async () => {
    let sent = 0;
    let aheadWhilePaused = -1;
    const body = new Readable({
      read() {
        if (sent >= SIZE) return void this.push(null);
        sent += CHUNK.length;
        this.push(CHUNK);
      },
    });
    const probe = setTimeout(() => (aheadWhilePaused = sent - upstream.received), 400);
    const response = await request(`${base}/dav/sink`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/vcard', 'content-length': String(SIZE) },
      body,
    });
    clearTimeout(probe);
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-received']).toBe(String(SIZE));
    await response.body.dump();
    expect(aheadWhilePaused).toBeGreaterThanOrEqual(0);
    expect(aheadWhilePaused).toBeLessThan(IN_FLIGHT_BOUND);
  });

  it('relays a DAV server error', async () => {
    const response = await request(`${base}/dav/anything`, { headers: auth });
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('boom');
  });

  it('answers 503 after the response timeout when the DAV server does not answer', async () => {
    const started = Date.now();
    const response = await request(`${base}/dav/hang`, { headers: auth });
    expect(response.statusCode).toBe(503);
    expect(await response.body.json()).toEqual({
      error: {
        code: 503,
        type: 'ServiceUnavailable',
        message: 'Service Unavailable',
        details: 'DAV server unavailable',
      },
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('answers 503 at once when the DAV server is down', async () => {
    await upstream.stop();
    const started = Date.now();
    const response = await request(`${base}/dav/calendars/x`, { headers: auth });
    expect(response.statusCode).toBe(503);
    await response.body.dump();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
