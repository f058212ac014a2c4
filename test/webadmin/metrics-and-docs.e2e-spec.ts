import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { writeRsaKeyPair } from '@app/testing';
import { TestService, startTestService } from '../support/service-apps';

describe('webadmin /metrics and API documentation', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'metrics.test' });
  });
  afterAll(() => service.close());

  it('exposes process metrics and request durations by route template and status', async () => {
    await service.admin().get('/domains/metrics.test').expect(204);
    await service.admin().get('/domains/absent.test').expect(404);
    const response = await service.admin().get('/metrics').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
    expect(response.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(response.text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(response.text).toMatch(/^mongodb_command_find_count_total [1-9]/m);
    expect(response.text).toMatch(/^mongodb_command_find_timer_count [1-9]/m);
    expect(response.text).toMatch(/^mongodb_command_find_timer\{quantile="0.99"\} /m);
    expect(response.text).toContain(
      'http_request_duration_seconds_count{server="webadmin",method="GET",route="/domains/:domain",status_code="204"} 1',
    );
    expect(response.text).toContain(
      'http_request_duration_seconds_count{server="webadmin",method="GET",route="/domains/:domain",status_code="404"} 1',
    );
  });

  it('keeps only the samples named with name[]', async () => {
    const response = await service
      .admin()
      .get('/metrics')
      .query('name[]=process_cpu_user_seconds_total&name[]=nodejs_heap_size_used_bytes')
      .expect(200);
    const samples = response.text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(samples.map((line) => line.split(' ')[0]).sort()).toEqual([
      'nodejs_heap_size_used_bytes',
      'process_cpu_user_seconds_total',
    ]);
    expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter');
  });

  it('serves the OpenAPI document and the Swagger UI', async () => {
    const document = await service.admin().get('/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/domains',
        '/domains/{domain}',
        '/registeredUsers',
        '/domains/{domain}/registeredUsers',
        '/healthcheck',
      ]),
    );
    const ui = await service.admin().get('/swagger').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('documents the query parameters the routes read through their DTOs', async () => {
    const { body } = await service.admin().get('/openapi.json').expect(200);
    const paths = body.paths as Record<
      string,
      Record<string, { parameters?: { in: string; name: string }[] }>
    >;
    const queryOf = (path: string, method: string) =>
      (paths[path]?.[method]?.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name)
        .sort();
    expect(queryOf('/healthcheck', 'get')).toEqual(['check', 'strict']);
    expect(queryOf('/healthcheck/checks/{componentName}', 'get')).toEqual(['strict']);
    expect(queryOf('/users/{username}', 'put')).toEqual(['force']);
    expect(queryOf('/users/{username}', 'post')).toEqual(['action', 'force', 'fromStep']);
  });

  it('does not expose the webadmin routes on the REST API port', async () => {
    const { default: request } = await import('supertest');
    await request(service.api.getHttpServer()).get('/domains').expect(404);
    await request(service.api.getHttpServer()).get('/metrics').expect(404);
  });
});

describe('webadmin static passwords', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'secure.test',
      WEBADMIN_PASSWORD: 'full-secret',
      WEBADMIN_PASSWORD_READONLY: 'read-secret',
      WEBADMIN_PASSWORD_NODELETE: 'keep-secret',
    });
  });
  afterAll(() => service.close());

  it('refuses private routes without a known password', async () => {
    const missing = await service.admin().get('/domains').expect(401);
    expect(missing.body).toMatchObject({ statusCode: 401 });
    await service.admin().get('/domains').set('Password', 'wrong').expect(401);
  });

  it('accepts the Password header and a Bearer secret', async () => {
    await service.admin().get('/domains').set('Password', 'full-secret').expect(200);
    await service.admin().put('/domains/new.test').set('Authorization', 'Bearer full-secret').expect(204);
  });

  it('limits read-only and no-delete passwords', async () => {
    await service.admin().get('/domains').set('Password', 'read-secret').expect(200);
    await service.admin().put('/domains/ro.test').set('Password', 'read-secret').expect(403);
    await service.admin().put('/domains/nd.test').set('Password', 'keep-secret').expect(204);
    await service
      .admin()
      .delete('/registeredUsers')
      .query({ email: 'x@secure.test' })
      .set('Password', 'keep-secret')
      .expect(403);
  });

  it('keeps health checks and metrics public', async () => {
    await service.admin().get('/healthcheck/checks').expect(200);
    await service.admin().get('/metrics').expect(200);
  });
});

describe('webadmin JWT authentication', () => {
  let service: TestService;
  const keys = writeRsaKeyPair();
  const sign = (claims: Record<string, unknown>, key = createPrivateKey(keys.privateKeyPem)) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().setExpirationTime('5m').sign(key);

  beforeAll(async () => {
    service = await startTestService({
      WEBADMIN_JWT_ENABLED: 'true',
      WEBADMIN_JWT_PUBLIC_KEY_PATH: keys.publicKeyPath,
    });
  });
  afterAll(() => service.close());

  it('accepts an RS256 token of an admin', async () => {
    await service
      .admin()
      .get('/domains')
      .set('Authorization', `Bearer ${await sign({ sub: 'ops', admin: true })}`)
      .expect(200);
  });

  it('answers the spec messages otherwise', async () => {
    expect((await service.admin().get('/domains').expect(401)).body.message).toBe('No Bearer header.');
    expect(
      (await service.admin().get('/domains').set('Authorization', 'Bearer garbage').expect(401)).body.message,
    ).toBe('Invalid token.');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const foreign = await sign({ sub: 'ops', admin: true }, other);
    expect(
      (await service.admin().get('/domains').set('Authorization', `Bearer ${foreign}`).expect(401)).body
        .message,
    ).toBe('Invalid token.');
    const notAdmin = await sign({ sub: 'ops', admin: 'yes' });
    expect(
      (await service.admin().get('/domains').set('Authorization', `Bearer ${notAdmin}`).expect(401)).body
        .message,
    ).toBe('Non authorized user.');
    await service.admin().get('/healthcheck/checks').expect(200);
  });
});
