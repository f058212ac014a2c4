import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

describe('webadmin /users with LDAP (read-only directory)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'twake.test' });
  });
  afterAll(() => service.close());

  it('lists the LDAP users, globally and per domain', async () => {
    const all = await service.admin().get('/users').expect(200);
    expect(all.body).toEqual(
      expect.arrayContaining([
        { username: 'alice@twake.test' },
        { username: 'bob@twake.test' },
        { username: 'carol@demo.test' },
      ]),
    );
    const domain = await service.admin().get('/domains/twake.test/users').expect(200);
    expect(domain.body).toEqual(expect.arrayContaining(['alice@twake.test', 'bob@twake.test']));
    expect(domain.body).not.toContain('carol@demo.test');
    await service.admin().get('/domains/unknown.test/users').expect(404);
  });

  it('answers HEAD and verifies passwords with a bind', async () => {
    await service.admin().head('/users/alice@twake.test').expect(200);
    await service.admin().head('/users/nobody@twake.test').expect(404);
    await service
      .admin()
      .post('/users/alice@twake.test/verify')
      .send({ password: 'alice-secret' })
      .expect(204);
    await service.admin().post('/users/alice@twake.test/verify').send({ password: 'nope' }).expect(401);
  });

  it('refuses writes with a clear 409 and bad usernames with 400', async () => {
    const write = await service.admin().put('/users/new@twake.test').send({ password: 'x' }).expect(409);
    expect(write.body).toEqual({
      statusCode: 409,
      type: 'WrongState',
      message: 'The authentication directory is read-only (LDAP): users are managed in the LDAP server',
      details: null,
    });
    const removal = await service.admin().delete('/users/alice@twake.test').expect(409);
    expect(removal.body.type).toBe('WrongState');
    await service.admin().put('/users/not-an-email').send({ password: 'x' }).expect(400);
  });
});

describe('webadmin /users without LDAP (in-memory directory)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'mem.test',
      LDAP_URL: undefined,
      BASIC_AUTH_ENABLED: 'true',
    });
  });
  afterAll(() => service.close());

  it('creates, refuses duplicates unless forced, verifies, authenticates and deletes', async () => {
    await service.admin().put('/users/dora@mem.test').send({ password: 'first' }).expect(204);
    const duplicate = await service
      .admin()
      .put('/users/dora@mem.test')
      .send({ password: 'second' })
      .expect(409);
    expect(duplicate.body.type).toBe('WrongState');
    await service
      .admin()
      .put('/users/dora@mem.test')
      .query({ force: '' })
      .send({ password: 'second' })
      .expect(204);
    await service.admin().post('/users/dora@mem.test/verify').send({ password: 'second' }).expect(204);
    await service.admin().post('/users/dora@mem.test/verify').send({ password: 'first' }).expect(401);
    await service
      .admin()
      .get('/users')
      .expect(200, [{ username: 'dora@mem.test' }]);

    const basic = `Basic ${Buffer.from('dora@mem.test:second').toString('base64')}`;
    await request(service.api.getHttpServer())
      .post('/api/jwt/generate')
      .set('Authorization', basic)
      .expect(200);

    await service.admin().delete('/users/dora@mem.test').expect(204);
    await service.admin().delete('/users/dora@mem.test').expect(204);
    await service.admin().head('/users/dora@mem.test').expect(404);
    await request(service.api.getHttpServer())
      .post('/api/jwt/generate')
      .set('Authorization', basic)
      .expect(401);
  });

  it('needs a password in the body', async () => {
    for (const body of [{}, { password: null }, { password: 42 }]) {
      for (const request of [
        service.admin().put('/users/eve@mem.test'),
        service.admin().post('/users/eve@mem.test/verify'),
      ])
        expect((await request.send(body).expect(400)).body).toMatchObject({
          statusCode: 400,
          type: 'InvalidArgument',
          message: 'JSON payload of the request is not valid',
        });
    }
  });
});
