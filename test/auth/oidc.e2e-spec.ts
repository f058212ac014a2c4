import { createServer } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { TestOidcProvider, expectEventually } from '@app/testing';
import { OpenApiDocument } from '../support/openapi-document';
import { TestService, startTestService } from '../support/service-apps';

/** Session ids are unique per run: the Redis server outlives test runs. */
const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe('OIDC opaque bearer tokens against a real OpenID provider', () => {
  let provider: TestOidcProvider;
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  const generate = (token: string) => api().post('/api/jwt/generate').set('Authorization', `Bearer ${token}`);
  const subjectOf = (jwt: string) =>
    JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).sub as string;

  beforeAll(async () => {
    provider = await TestOidcProvider.start();
    service = await startTestService({
      ...provider.env(),
      DOMAINS: 'twake.test',
      OIDC_TOKEN_CACHE_EXPIRATION: '5m',
    });
    await provider.addAccount({
      sub: 'alice-sub',
      email: 'alice@twake.test',
      given_name: 'Alice',
      family_name: 'Martin',
    });
    await provider.addAccount({ sub: 'nameless-sub', email: 'nameless@twake.test' });
    await provider.addAccount({ sub: 'stranger-sub', email: 'stranger@unknown.test', given_name: 'S' });
    await provider.addAccount({
      sub: 'race-sub',
      email: 'race@twake.test',
      given_name: 'Race',
      family_name: 'Condition',
    });
  });
  afterAll(async () => {
    await service.close();
    await provider.stop();
  });

  it('authenticates a valid token and provisions the user from userinfo', async () => {
    const token = await provider.issueToken({ sub: 'alice-sub', sid: `session-1-${run}` });
    const response = await generate(token).expect(200);
    expect(subjectOf(response.body)).toBe('alice@twake.test');
    const user = await service.database.db.collection('users').findOne({ email: 'alice@twake.test' });
    expect(user).toMatchObject({
      firstname: 'Alice',
      lastname: 'Martin',
      accounts: [{ type: 'email', emails: ['alice@twake.test'] }],
    });
  });

  it('introspects a token once per cache period', async () => {
    const token = await provider.issueToken({ sub: 'alice-sub', sid: `session-cache-${run}` });
    await provider.resetCounters();
    for (let index = 0; index < 5; index++) await generate(token).expect(200);
    expect(await provider.counters()).toEqual({ introspection: 1, userinfo: 1 });
  });

  it('times introspection and userinfo calls in the metrics', async () => {
    await generate(await provider.issueToken({ sub: 'alice-sub' })).expect(200);
    const metrics = await service
      .admin()
      .get('/metrics')
      .query('name[]=introspection_lookup_count&name[]=userinfo_lookup_count')
      .expect(200);
    expect(metrics.text).toMatch(/^introspection_lookup_count [1-9]/m);
    expect(metrics.text).toMatch(/^userinfo_lookup_count [1-9]/m);
  });

  it('stores the validation in Redis in the layout of the original', async () => {
    const sid = `session-redis-${run}`;
    const token = await provider.issueToken({ sub: 'alice-sub', sid });
    await generate(token).expect(200);
    const { createHash } = await import('node:crypto');
    const { Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const key = `tcal_oidc_hash_${createHash('sha512').update(token).digest('hex')}`;
      expect(await redis.hgetall(key)).toMatchObject({
        email: 'alice@twake.test',
        aud: 'tcalendar',
        sid,
      });
      expect(await redis.ttl(key)).toBeGreaterThan(250);
      expect(await redis.lrange(`tcal_oidc_sid_${sid}`, 0, -1)).toEqual([key]);
    } finally {
      redis.disconnect();
    }
  });

  it('names a user without names after the e-mail', async () => {
    await generate(await provider.issueToken({ sub: 'nameless-sub' })).expect(200);
    const user = await service.database.db.collection('users').findOne({ email: 'nameless@twake.test' });
    expect(user).toMatchObject({ firstname: 'nameless@twake.test', lastname: 'nameless@twake.test' });
  });

  it('provisions one user when the first requests arrive together', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 6 }, () => provider.issueToken({ sub: 'race-sub' })),
    );
    const responses = await Promise.all(tokens.map((token) => generate(token)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await service.database.db.collection('users').countDocuments({ email: 'race@twake.test' })).toBe(
      1,
    );
  });

  it('refuses a token of the wrong audience with 401 and an empty body', async () => {
    const response = await generate(
      await provider.issueToken({ sub: 'alice-sub', aud: ['another-app'] }),
    ).expect(401);
    expect(response.text).toBe('');
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  it('refuses an unknown or revoked token', async () => {
    await generate('not-a-token-the-provider-knows').expect(401);
    const token = await provider.issueToken({ sub: 'alice-sub' });
    await provider.revoke(token);
    await generate(token).expect(401);
  });

  it('refuses an expired token, also when its validation is cached', async () => {
    const token = await provider.issueToken({ sub: 'alice-sub', expiresIn: 2 });
    await generate(token).expect(200);
    await provider.resetCounters();
    await expectEventually(() => generate(token).expect(401), { timeoutMs: 5_000, intervalMs: 250 });
    expect((await provider.counters()).introspection).toBe(0);
  });

  it('answers 500, not 401, when the user of an unknown domain cannot be provisioned', async () => {
    await generate(await provider.issueToken({ sub: 'stranger-sub' })).expect(500);
  });

  it('drops cached tokens on back-channel logout, so that the next use of a revoked token fails', async () => {
    const token = await provider.issueToken({ sub: 'alice-sub', sid: `session-logout-${run}` });
    await generate(token).expect(200);
    await provider.revoke(token);
    await generate(token).expect(200); // still cached
    const logoutToken = await provider.logoutToken({ sid: `session-logout-${run}`, sub: 'alice-sub' });
    await service
      .admin()
      .post('/add-revoked-token')
      .type('form')
      .send({ logout_token: logoutToken })
      .expect(200, '');
    await generate(token).expect(401);
  });

  it('validates the shape of logout requests', async () => {
    const unsupported = await service
      .admin()
      .post('/add-revoked-token')
      .set('Content-Type', 'application/json')
      .send('{"logout_token":"x"}')
      .expect(415, 'Unsupported Content-Type');
    expect(unsupported.headers['content-type']).toBe('text/plain; charset=utf-8');
    // The content type is checked before the body: a JSON body, malformed or not, and no body at all answer 415.
    for (const body of ['{', '{}', '[1]']) {
      const refused = await service
        .admin()
        .post('/add-revoked-token')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(415, 'Unsupported Content-Type');
      expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
    await service.admin().post('/add-revoked-token').expect(415, 'Unsupported Content-Type');
    for (const form of [
      '',
      'other=1',
      'logout_token=',
      'logout_token=%20%20',
      'logout_token=a&logout_token=b',
    ])
      expect(
        (await service.admin().post('/add-revoked-token').type('form').send(form).expect(400)).body,
      ).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: "Missing 'logout_token' form field",
        details: null,
      });
    const notJwt = await service
      .admin()
      .post('/add-revoked-token')
      .type('form')
      .send({ logout_token: 'abc' })
      .expect(400);
    expect(notJwt.body).toMatchObject({ statusCode: 400, type: 'InvalidArgument' });
    const noSid = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub: 'x' })).toString('base64url')}.`;
    await service.admin().post('/add-revoked-token').type('form').send({ logout_token: noSid }).expect(400);
  });

  it('documents the logout form with its DTO in the webadmin OpenAPI document', async () => {
    const document = (await service.admin().get('/openapi.json').expect(200)).body as OpenApiDocument;
    const operation = document.paths['/add-revoked-token']?.post;
    expect(Object.keys(operation?.requestBody?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    expect(operation?.requestBody?.content['application/x-www-form-urlencoded']?.schema.$ref).toBe(
      '#/components/schemas/RevokedTokenRequestDto',
    );
    expect(document.components.schemas.RevokedTokenRequestDto).toMatchObject({
      required: ['logout_token'],
      properties: { logout_token: { type: 'string' } },
    });
  });

  it.each([
    ['an empty Bearer', 'Bearer '],
    ['a bare Bearer', 'Bearer'],
    ['an unknown scheme', 'Digest username="a"'],
  ])('answers 401 for %s', async (_label, header) => {
    const response = await api().post('/api/jwt/generate').set('Authorization', header).expect(401);
    expect(response.text).toBe('');
  });

  it('answers 401 without credentials', async () => {
    await api().post('/api/jwt/generate').expect(401, '');
  });

  it('refuses two Authorization headers with 400', async () => {
    const server = createServer(service.api.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          'POST /api/jwt/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
        ),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    server.close();
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      error: {
        code: 400,
        type: 'BadRequest',
        message: 'Bad request',
        details: 'Only one set of credential is allowed',
      },
    });
  });

  it('survives a huge Authorization header', async () => {
    const response = await api()
      .post('/api/jwt/generate')
      .set('Authorization', `Bearer ${'x'.repeat(12_000)}`);
    expect([401, 431]).toContain(response.status);
  });
});
