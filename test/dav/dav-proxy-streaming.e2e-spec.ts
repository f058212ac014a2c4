import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { TestService, startTestService } from '../support/service-apps';
import { basic } from '../support/esn-sabre/dav-test-environment';

const MiB = 1024 * 1024;
const SIZE = 256 * MiB;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * A DAV server stand-in for transport properties only: a 256 MiB answer produced on the fly, a sink counting what
 * it receives, and a path that never answers. (Stored-data behaviour is tested against Radicale elsewhere.)
 */
const progress = { sent: 0, received: 0 };

function transportServer(): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/calendar', 'content-length': String(SIZE) });
      progress.sent = 0;
      const write = () => {
        while (progress.sent < SIZE) {
          progress.sent += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', write);
        }
        res.end();
      };
      write();
    } else if (req.url === '/sink') {
      progress.received = 0;
      req.on('data', (chunk: Buffer) => {
        progress.received += chunk.length;
        // A slow consumer for a while: a buffering proxy would read the whole body from its client meanwhile.
        if (progress.received >= MiB && progress.received - chunk.length < MiB) {
          req.pause();
          setTimeout(() => req.resume(), 500);
        }
      });
      req.on('end', () => res.writeHead(201, { 'x-received': String(progress.received) }).end());
    } else if (req.url === '/hang') {
      // Never answers.
    } else {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
    }
  });
}

/** At most this much may be in flight between the two ends (socket and stream buffers), far below SIZE. */
const IN_FLIGHT_BOUND = 32 * MiB;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DAV proxy transport: streaming both ways, timeouts, DAV server down', () => {
  let upstream: Server;
  let service: TestService;
  let base: string;
  const auth = { authorization: basic('admin@twake.test', 'admin-secret') };

  beforeAll(async () => {
    upstream = transportServer();
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    service = await startTestService({
      DAV_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      DAV_RESPONSE_TIMEOUT: '1s',
    });
    await service.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(service.api.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await service.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
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
        aheadWhilePaused = progress.sent - received;
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
    const probe = setTimeout(() => (aheadWhilePaused = sent - progress.received), 400);
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
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    const started = Date.now();
    const response = await request(`${base}/dav/calendars/x`, { headers: auth });
    expect(response.statusCode).toBe(503);
    await response.body.dump();
    expect(Date.now() - started).toBeLessThan(1_000);
    upstream = createServer(); // for afterAll
    upstream.listen(0, '127.0.0.1');
  });
});
