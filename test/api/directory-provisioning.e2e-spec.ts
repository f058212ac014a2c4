import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

const ADMIN = `Basic ${Buffer.from('admin@twake.test:admin-secret').toString('base64')}`;

/** rest-api.md §2.9 and §5.1 without LDAP: the credential repository is the in-memory directory of `/users`. */
describe('GET /api/users?email= provisions a user known only to the in-memory credential directory', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'twake.test', LDAP_URL: undefined });
    await service.admin().put('/users/zed@twake.test').send({ password: 'zed-secret' }).expect(204);
  });
  afterAll(() => service.close());

  it('creates the registered user with blank names and answers it', async () => {
    await service.admin().get('/registeredUsers?email=zed@twake.test').expect(404);
    const response = await api()
      .get('/api/users?email=zed@twake.test')
      .set('Authorization', ADMIN)
      .expect(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({
      preferredEmail: 'zed@twake.test',
      emails: ['zed@twake.test'],
      firstname: '',
      lastname: '',
      objectType: 'user',
    });
    const registered = await service.admin().get('/registeredUsers?email=zed@twake.test').expect(200);
    expect(registered.body).toEqual({
      email: 'zed@twake.test',
      firstname: '',
      lastname: '',
      id: response.body[0]._id,
    });
    // Asked again: the same user, not a second one.
    const again = await api().get('/api/users?email=zed@twake.test').set('Authorization', ADMIN).expect(200);
    expect(again.body[0]._id).toBe(response.body[0]._id);
  });

  it('answers [] for an address neither registered nor in the directory', async () => {
    await api().get('/api/users?email=nobody@twake.test').set('Authorization', ADMIN).expect(200, []);
  });
});
