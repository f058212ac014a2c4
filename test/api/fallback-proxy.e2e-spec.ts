import { createServer, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const ALICE = basic('alice@twake.test', 'alice-secret');

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Plays the legacy OpenPaaS server: records what it receives, answers per path. */
class LegacyServer {
  readonly received: Received[] = [];
  private releaseStream?: () => void;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        this.answer(req, res);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Lets the streamed answer finish. */
  release(): void {
    this.releaseStream?.();
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    if (req.url === '/api/stream') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Upstream': 'stream' });
      res.write('first part;');
      this.releaseStream = () => res.end('last part');
      return;
    }
    res.writeHead(req.url?.startsWith('/api/teapot') ? 418 : 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Upstream': 'legacy',
      'Set-Cookie': 'legacy=1; Path=/',
    });
    res.end(JSON.stringify({ legacy: true, path: req.url }));
  }
}

describe('dispatch: registered routes, then /dav/, then the fallback (rest-api.md §1, §3.2, §8), no backend', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      OPENPAAS_BACKEND_URL: undefined,
    });
  });
  afterAll(() => service.close());

  it('answers unknown routes 404 with an empty body and no CORS headers', async () => {
    for (const path of ['/api/unknown', '/linagora.esn.unknown/api/x?y=1', '/', '/dav']) {
      const response = await api().get(path).set('Authorization', ALICE).expect(404);
      expect(response.text).toBe('');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('treats a known path with an unregistered method as unknown (no OPTIONS preflight)', async () => {
    const response = await api().options('/api/user').expect(404);
    expect(response.text).toBe('');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await api().delete('/api/user').set('Authorization', ALICE).expect(404, '');
  });

  it('adds the CORS headers on every answer of a registered route, errors included', async () => {
    for (const response of [
      await api().get('/api/user').set('Authorization', ALICE).expect(200),
      await api().get('/api/user').expect(401),
      await api().get('/api/avatars').expect(400),
      await api().get(`/api/users/${new ObjectId().toHexString()}`).set('Authorization', ALICE).expect(404),
      await api().put('/api/user/profile').expect(405),
    ]) {
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, DELETE, PUT',
        'access-control-allow-headers': 'Content-Type, Authorization, Accept',
        'access-control-max-age': '86400',
      });
    }
  });
});

describe('fallback proxy to the legacy OpenPaaS server (rest-api.md §8)', () => {
  let service: TestService;
  const legacy = new LegacyServer();
  let baseUrl: string;
  const api = () => request(service.api.getHttpServer());

  beforeAll(async () => {
    const backendUrl = await legacy.start();
    service = await startTestService({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      OPENPAAS_BACKEND_URL: backendUrl,
    });
    await service.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(service.api.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await service.close();
    await legacy.stop();
    delete process.env.OPENPAAS_BACKEND_URL;
  });
  beforeEach(() => legacy.received.splice(0));

  it('forwards as the user with a calendar JWT, only Content-Type: application/json, and relays the answer', async () => {
    const response = await api()
      .get('/linagora.esn.unifiedinbox/api/inbox?mailbox=INBOX&x=%20y')
      .set('Authorization', ALICE)
      .set('Cookie', 'session=secret')
      .set('X-Custom', 'dropped')
      .set('Accept-Language', 'fr')
      .expect(200);
    expect(response.body).toEqual({
      legacy: true,
      path: '/linagora.esn.unifiedinbox/api/inbox?mailbox=INBOX&x=%20y',
    });
    expect(response.headers['x-upstream']).toBe('legacy');
    expect(response.headers['set-cookie']).toEqual(['legacy=1; Path=/']);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['x-request-id']).toBeUndefined();

    const [received] = legacy.received;
    expect(received).toMatchObject({
      method: 'GET',
      url: '/linagora.esn.unifiedinbox/api/inbox?mailbox=INBOX&x=%20y',
    });
    expect(received!.headers['content-type']).toBe('application/json');
    expect(received!.headers.cookie).toBeUndefined();
    expect(received!.headers['x-custom']).toBeUndefined();
    expect(received!.headers['accept-language']).toBeUndefined();
    const authorization = received!.headers.authorization!;
    expect(authorization).toMatch(/^Bearer eyJ/);
    const claims = JSON.parse(Buffer.from(authorization.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'alice@twake.test', twake_calendar_auth_type: 'jwt' });
  });

  it('relays the upstream status, and forwards anonymously without Authorization', async () => {
    const response = await api().delete('/api/teapot/1').expect(418);
    expect(response.body).toEqual({ legacy: true, path: '/api/teapot/1' });
    expect(legacy.received[0]!.headers.authorization).toBeUndefined();
    expect(legacy.received[0]!.method).toBe('DELETE');
  });

  it('refuses bad credentials with 401 without calling the backend', async () => {
    await api().get('/api/unknown').set('Authorization', basic('alice@twake.test', 'wrong')).expect(401, '');
    expect(legacy.received).toEqual([]);
  });

  it('forwards the body: JSON as JSON, anything else byte for byte, always typed application/json', async () => {
    await api()
      .post('/api/legacy/json')
      .set('Authorization', ALICE)
      .send({ a: [1, 'b'] })
      .expect(200);
    await api().put('/api/legacy/text').set('Content-Type', 'text/plain').send('raw text body').expect(200);
    expect(
      legacy.received.map(({ method, body, headers }) => [method, body, headers['content-type']]),
    ).toEqual([
      ['POST', '{"a":[1,"b"]}', 'application/json'],
      ['PUT', 'raw text body', 'application/json'],
    ]);
  });

  it('sends unregistered methods of known paths to the backend (e.g. OPTIONS)', async () => {
    await api().options('/api/user').expect(200);
    expect(legacy.received[0]).toMatchObject({ method: 'OPTIONS', url: '/api/user' });
  });

  it('never proxies a 404 of a registered route, nor /dav/ requests', async () => {
    await api().get(`/api/users/${new ObjectId().toHexString()}`).set('Authorization', ALICE).expect(404, '');
    await api().get('/api/users/whatever/profile/avatar/extra').set('Authorization', ALICE).expect(200);
    expect(legacy.received.map((entry) => entry.url)).toEqual(['/api/users/whatever/profile/avatar/extra']);
    legacy.received.splice(0);
    await api().get('/dav/calendars/nope.json').set('Authorization', ALICE);
    expect(legacy.received).toEqual([]);
  });

  it('streams the answer: the first bytes arrive before the backend has finished', async () => {
    const firstChunk = await new Promise<{ status: number; chunk: string; rest: Promise<string> }>(
      (resolve, reject) => {
        get(`${baseUrl}/api/stream`, (res) => {
          res.setEncoding('utf8');
          let rest = '';
          const ended = new Promise<string>((done) => res.on('end', () => done(rest)));
          res.once('data', (chunk: string) => {
            res.on('data', (more: string) => (rest += more));
            resolve({ status: res.statusCode!, chunk, rest: ended });
          });
        }).on('error', reject);
      },
    );
    expect(firstChunk).toMatchObject({ status: 200, chunk: 'first part;' });
    legacy.release();
    expect(await firstChunk.rest).toBe('last part');
  });

  it('answers 502 when the backend cannot be reached', async () => {
    await legacy.stop();
    const response = await api().get('/api/unknown').expect(502);
    expect(response.body.error).toMatchObject({ code: 502 });
    await legacy.start().catch(() => undefined);
  });
});
