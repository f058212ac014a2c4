import request from 'supertest';
import { TestOidcProvider } from '@app/testing';
import { TestService, startTestService } from '../support/service-apps';

const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe('OIDC with the in-memory token cache and verified logout tokens', () => {
  let provider: TestOidcProvider;
  let service: TestService;
  const generate = (token: string) =>
    request(service.api.getHttpServer()).post('/api/jwt/generate').set('Authorization', `Bearer ${token}`);
  const logout = (logoutToken: string) =>
    service.admin().post('/add-revoked-token').type('form').send({ logout_token: logoutToken });

  beforeAll(async () => {
    provider = await TestOidcProvider.start();
    service = await startTestService({
      ...provider.env(),
      DOMAINS: 'twake.test',
      REDIS_URL: undefined,
      OIDC_ISSUER: provider.issuer,
      OIDC_JWKS_URL: `${provider.issuer}/jwks`,
    });
    await provider.addAccount({
      sub: 'bob-sub',
      email: 'bob@twake.test',
      given_name: 'Bob',
      family_name: 'Durand',
    });
  });
  afterAll(async () => {
    await service.close();
    await provider.stop();
  });

  it('has no Redis health check when Redis is not configured', async () => {
    const names = (await service.admin().get('/healthcheck/checks').expect(200)).body.map(
      (check: { componentName: string }) => check.componentName,
    );
    expect(names).not.toContain('Redis');
  });

  it('caches in memory: one introspection per token', async () => {
    const token = await provider.issueToken({ sub: 'bob-sub', sid: `mem-1-${run}` });
    await provider.resetCounters();
    for (let index = 0; index < 3; index++) await generate(token).expect(200);
    expect((await provider.counters()).introspection).toBe(1);
  });

  it('refuses logout tokens that are not signed by the provider or not meant for us', async () => {
    const unsigned = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sid: `mem-1-${run}`, iss: provider.issuer, aud: 'tcalendar', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } })).toString('base64url')}.`;
    await logout(unsigned).expect(400);
    await logout(await provider.logoutToken({ sid: `mem-1-${run}`, aud: 'someone-else' })).expect(400);
    await logout(await provider.logoutToken({ sid: `mem-1-${run}`, events: false })).expect(400);
    await logout(await provider.logoutToken({ sid: `mem-1-${run}`, nonce: 'n' })).expect(400);
    await logout(await provider.logoutToken({})).expect(400);
  });

  it('evicts by subject when the logout token names only sub', async () => {
    const token = await provider.issueToken({ sub: 'bob-sub', sid: `mem-2-${run}` });
    await generate(token).expect(200);
    await provider.revoke(token);
    await generate(token).expect(200);
    await logout(await provider.logoutToken({ sub: 'bob-sub' })).expect(200);
    await generate(token).expect(401);
  });

  it('evicts by session, and a second logout of the same session is harmless', async () => {
    const token = await provider.issueToken({ sub: 'bob-sub', sid: `mem-3-${run}` });
    await generate(token).expect(200);
    await provider.revoke(token);
    const logoutToken = await provider.logoutToken({ sid: `mem-3-${run}` });
    await logout(logoutToken).expect(200);
    await logout(logoutToken).expect(200);
    await generate(token).expect(401);
  });
});
