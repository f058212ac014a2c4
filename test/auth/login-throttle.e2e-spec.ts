import { randomBytes, randomInt } from 'node:crypto';
import { Agent } from 'node:http';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
/** Long enough for a lock sequence on a loaded machine; the expiry is awaited through the Retry-After it announces. */
const WINDOW_MS = 10_000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Failures are counted per client address in a store other suites and sessions share (one Redis server): each test
 * calls from an address of its own in 127.0.0.0/8, so no other count can reach its limits, and no test waits for the
 * previous one's window to end.
 */
const ownLoopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/**
 * The brute-force limiter of password authentication (README "Security"): failures counted per account and per
 * client address within a window, shared by the REST API and webadmin; at the limit 429 with Retry-After and the
 * JSON error of each server, before any password is checked; a metric counts the refusals. Redis and in-memory.
 */
describe.each([
  ['Redis', process.env.REDIS_URL],
  ['in-memory', undefined],
])('login throttling (%s)', (_label, redisUrl) => {
  let service: TestService;
  let client: Agent;
  const api = () => request(service.api.getHttpServer());
  const generate = (authorization: string) =>
    api().post('/api/jwt/generate').agent(client).set('Authorization', authorization);
  const unique = () => `u${randomBytes(5).toString('hex')}@twake.test`;
  const throttledCount = async (scope: string) => {
    const metrics = (
      await service.admin().get('/metrics').agent(client).set('Password', 'wa-secret').expect(200)
    ).text;
    const line = metrics
      .split('\n')
      .find((row) => row.startsWith(`auth_throttled_requests_total{scope="${scope}"}`));
    return Number(line?.split(' ')[1] ?? 0);
  };

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      LDAP_URL: undefined,
      REDIS_URL: redisUrl,
      WEBADMIN_PASSWORD: 'wa-secret',
      LOGIN_THROTTLE_ACCOUNT_MAX_FAILURES: '3',
      LOGIN_THROTTLE_ADDRESS_MAX_FAILURES: '8',
      LOGIN_THROTTLE_WINDOW: `${WINDOW_MS}ms`,
    });
  });
  afterAll(async () => {
    await service.close();
    process.env.LOGIN_THROTTLE_ACCOUNT_MAX_FAILURES = '0';
    process.env.LOGIN_THROTTLE_ADDRESS_MAX_FAILURES = '0';
  });
  beforeEach(() => (client = new Agent({ localAddress: ownLoopbackAddress() })));
  afterEach(() => client.destroy());

  it('locks an account after its failures, even for the right password, until the window ends', async () => {
    const user = unique();
    await service
      .admin()
      .put(`/users/${user}`)
      .agent(client)
      .set('Password', 'wa-secret')
      .send({ password: 'right' })
      .expect(204);
    const before = await throttledCount('account');
    for (let attempt = 0; attempt < 3; attempt++)
      await generate(basic(user, `wrong${attempt}`)).expect(401, '');
    const locked = await generate(basic(user, 'right')).expect(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(locked.body).toEqual({
      error: {
        code: 429,
        type: 'ServerError',
        message: 'Too Many Requests',
        details: 'Too many failed authentication attempts, retry later',
      },
    });
    // Another account from the same address is still let through (address limit not reached).
    await generate(basic('admin@twake.test', 'admin-secret')).expect(200);
    // The webadmin verify route shares the account count.
    await service
      .admin()
      .post(`/users/${user}/verify`)
      .agent(client)
      .set('Password', 'wa-secret')
      .send({ password: 'right' })
      .expect(429);
    expect(await throttledCount('account')).toBeGreaterThanOrEqual(before + 2);
    // Retry-After is truthful: once it has passed, the right password works again.
    await wait(retryAfter * 1000 + 100);
    await generate(basic(user, 'right')).expect(200);
  });

  it('clears the account count on success', async () => {
    const user = unique();
    await service
      .admin()
      .put(`/users/${user}`)
      .agent(client)
      .set('Password', 'wa-secret')
      .send({ password: 'right' })
      .expect(204);
    for (let round = 0; round < 2; round++) {
      await generate(basic(user, 'wrong')).expect(401);
      await generate(basic(user, 'wrong')).expect(401);
      await generate(basic(user, 'right')).expect(200);
    }
  });

  it('locks an address after its failures over many accounts, webadmin passwords included', async () => {
    const before = await throttledCount('address');
    for (let attempt = 0; attempt < 4; attempt++) await generate(basic(unique(), 'wrong')).expect(401);
    for (let attempt = 0; attempt < 4; attempt++)
      await service.admin().get('/domains').agent(client).set('Password', `guess-${attempt}`).expect(401);
    const rest = await generate(basic(unique(), 'anything')).expect(429);
    expect(rest.headers['retry-after']).toBeDefined();
    const webadmin = await service
      .admin()
      .get('/domains')
      .agent(client)
      .set('Password', 'wa-secret')
      .expect(429);
    expect(Number(webadmin.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(webadmin.body).toEqual({
      statusCode: 429,
      type: 'InvalidArgument',
      message: 'Too Many Requests',
      details: 'Too many failed authentication attempts, retry later',
    });
    expect(await throttledCount('address')).toBeGreaterThanOrEqual(before + 2);
  });
});
