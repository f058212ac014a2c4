import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/**
 * Passwords (README "Security"): empty and blank ones are refused when set and never authenticate; a malformed
 * Basic credential is a failed authentication (401); an unknown user costs what a wrong password costs.
 * In-memory directory (no LDAP), Basic authentication on for regular users.
 */
describe('password rules of Basic and webadmin authentication', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  const generate = (authorization: string) =>
    api().post('/api/jwt/generate').set('Authorization', authorization);

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      LDAP_URL: undefined,
    });
    await service.admin().put('/users/zoe@twake.test').send({ password: 'zoe-secret' }).expect(204);
  });
  afterAll(() => service.close());

  it.each([
    ['empty', ''],
    ['blank', ' \t '],
  ])('refuses an %s password on PUT /users/{u}, with or without force', async (_label, password) => {
    for (const path of ['/users/empty@twake.test', '/users/zoe@twake.test?force']) {
      const response = await service.admin().put(path).send({ password }).expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: 'Invalid arguments supplied in the user request',
        details: 'The password must not be empty or blank',
      });
    }
    await service.admin().head('/users/empty@twake.test').expect(404);
    await generate(basic('zoe@twake.test', 'zoe-secret')).expect(200);
  });

  it('never authenticates an empty or blank password, by Basic or by the verify route', async () => {
    for (const password of ['', ' ', '\t'])
      for (const user of ['zoe@twake.test', 'nobody@twake.test', 'admin@twake.test'])
        await generate(basic(user, password)).expect(401, '');
    await service.admin().post('/users/zoe@twake.test/verify').send({ password: '' }).expect(401);
  });

  it.each([
    ['characters outside base64', 'Basic !!!'],
    ['no colon', `Basic ${Buffer.from('no-colon').toString('base64')}`],
    ['nothing at all', 'Basic '],
    ['an empty user name', basic('', 'zoe-secret')],
  ])('answers 401 with an empty body to a Basic credential with %s', async (_label, header) => {
    const response = await generate(header).expect(401, '');
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  it('costs as much for an unknown user as for a wrong password (a dummy hash is computed)', async () => {
    // CPU time of this process (the service runs in it), not wall-clock time: other work on a loaded machine
    // lengthens every request alike in wall time but not what the request itself computes (scrypt of the in-memory
    // directory and bcrypt of the stored hashes, both counted: the libuv pool's threads are this process's). With
    // neither dummy hash the ratio measured 0.11.
    const medianCpuMs = async (username: string) => {
      const costs: number[] = [];
      for (let round = 0; round < 15; round++) {
        const start = process.cpuUsage();
        await generate(basic(username, `wrong-${round}`)).expect(401);
        const { user, system } = process.cpuUsage(start);
        costs.push((user + system) / 1000);
      }
      return costs.sort((a, b) => a - b)[7]!;
    };
    // Interleaved warm-up, then both measured on the same warm process.
    await medianCpuMs('nobody@twake.test');
    const known = await medianCpuMs('zoe@twake.test');
    const unknown = await medianCpuMs('nobody@twake.test');
    expect(unknown / known).toBeGreaterThan(0.4);
    expect(unknown / known).toBeLessThan(2.5);
  });
});
