import { Server, createServer } from 'node:http';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

/**
 * LemonLDAP::NG cannot be installed here (no Debian or npm package), so its "whoami" endpoint is played by a
 * small HTTP server answering as the product does: `{"result": "<login>"}` for a known session cookie.
 */
describe('LemonLDAP cookie fallback', () => {
  let lemon: Server;
  let service: TestService;
  const seen: (string | undefined)[] = [];
  const generate = () => request(service.api.getHttpServer()).post('/api/jwt/generate');

  beforeAll(async () => {
    lemon = createServer((req, res) => {
      seen.push(req.headers.cookie);
      const session = /lemonldap=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      if (session === 'good-session')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"alice"}');
      if (session === 'broken-json')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
      if (session === 'no-result')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":null}');
      res.writeHead(401).end();
    });
    await new Promise<void>((resolve) => lemon.listen(0, '127.0.0.1', resolve));
    const { port } = lemon.address() as { port: number };
    service = await startTestService({
      DOMAINS: 'twake.test',
      OIDC_LEMON_COOKIE_RESOLUTION_URL: `http://127.0.0.1:${port}/session/my/global`,
      OIDC_LEMON_COOKIE_RESOLUTION_DOMAIN: 'twake.test',
    });
  });
  afterAll(async () => {
    await service.close();
    await new Promise((resolve) => lemon.close(resolve));
  });

  it('authenticates <result>@<domain> from a valid lemonldap cookie, sending only that cookie', async () => {
    const response = await generate().set('Cookie', 'other=1; lemonldap=good-session; more=2').expect(200);
    expect(
      JSON.parse(Buffer.from((response.body as string).split('.')[1]!, 'base64url').toString()).sub,
    ).toBe('alice@twake.test');
    expect(seen.at(-1)).toBe('lemonldap=good-session');
  });

  it.each(['unknown-session', 'broken-json', 'no-result'])(
    'refuses the session %p with 401',
    async (session) => {
      await generate().set('Cookie', `lemonldap=${session}`).expect(401, '');
    },
  );

  it('ignores the cookie when a Bearer header is present', async () => {
    const before = seen.length;
    await generate()
      .set('Cookie', 'lemonldap=good-session')
      .set('Authorization', 'Bearer opaque')
      .expect(401);
    expect(seen.length).toBe(before);
  });

  it('yields nothing without the cookie', async () => {
    await generate().set('Cookie', 'unrelated=1').expect(401);
  });
});
