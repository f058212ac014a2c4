import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

const admin = `Basic ${Buffer.from('admin@twake.test:admin-secret').toString('base64')}`;
const alice = `Basic ${Buffer.from('alice@twake.test:alice-secret').toString('base64')}`;

describe('single-use tickets', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  const issue = (authorization: string) => api().post('/ws/ticket').set('Authorization', authorization);

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'twake.test', BASIC_AUTH_ENABLED: 'true' });
  });
  afterAll(() => service.close());

  it('issues a ticket stored in auth_tickets, valid one minute', async () => {
    const response = await issue(alice).expect(200);
    expect(response.body).toEqual({
      value: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientAddress: expect.any(String),
      generatedOn: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      validUntil: expect.stringMatching(/Z$/),
      username: 'alice@twake.test',
    });
    expect(Date.parse(response.body.validUntil) - Date.parse(response.body.generatedOn)).toBe(60_000);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const stored = await service.database.db.collection('auth_tickets').findOne({ _id: response.body.value });
    expect(stored).toMatchObject({
      username: 'alice@twake.test',
      validUntil: new Date(response.body.validUntil),
    });
  });

  it('authenticates one request with ?ticket=, then never again', async () => {
    const ticket = (await issue(alice).expect(200)).body.value as string;
    const jwt = await api().post('/api/jwt/generate').query({ ticket }).expect(200);
    expect(JSON.parse(Buffer.from((jwt.body as string).split('.')[1]!, 'base64url').toString()).sub).toBe(
      'alice@twake.test',
    );
    await api().post('/api/jwt/generate').query({ ticket }).expect(401);
    expect(
      await service.database.db.collection('auth_tickets').countDocuments({ _id: ticket as never }),
    ).toBe(0);
  });

  it('refuses malformed, unknown and expired tickets', async () => {
    await api().post('/api/jwt/generate').query({ ticket: 'not-a-uuid' }).expect(401);
    await api()
      .post('/api/jwt/generate')
      .query({ ticket: '4f0c9d3e-7a61-4b2e-8c55-0d9e1f2a3b4c' })
      .expect(401);
    await service.database.db.collection('auth_tickets').insertOne({
      _id: '0b8f2c8e-1d3a-4f4e-9b6a-5c2d7e9f1a30' as never,
      username: 'alice@twake.test',
      clientAddress: '10.0.0.1',
      generatedOn: new Date(Date.now() - 120_000),
      validUntil: new Date(Date.now() - 60_000),
    });
    await api()
      .post('/api/jwt/generate')
      .query({ ticket: '0b8f2c8e-1d3a-4f4e-9b6a-5c2d7e9f1a30' })
      .expect(401);
  });

  it('lets only the owner revoke a ticket', async () => {
    const ticket = (await issue(alice).expect(200)).body.value as string;
    const foreign = await api().delete(`/ws/ticket/${ticket}`).set('Authorization', admin).expect(403);
    expect(foreign.body).toEqual({ type: 'about:blank', status: 403, detail: 'Forbidden' });
    await api().delete(`/ws/ticket/${ticket}`).set('Authorization', alice).expect(204);
    await api().post('/api/jwt/generate').query({ ticket }).expect(401);
    await api().delete(`/ws/ticket/${ticket}`).set('Authorization', alice).expect(403);
  });

  it('answers 401 as problem details without credentials', async () => {
    const response = await api().post('/ws/ticket').expect(401);
    expect(response.body).toEqual({ type: 'about:blank', status: 401, detail: 'Wrong credentials provided' });
  });

  it('answers pre-flight requests, tickets and their errors with the §3.2 CORS headers', async () => {
    const cors = (response: request.Response) =>
      Object.fromEntries(
        Object.entries(response.headers).filter(([name]) => name.startsWith('access-control-')),
      );
    const expected = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, DELETE, PUT',
      'access-control-allow-headers': 'Content-Type, Authorization, Accept',
      'access-control-max-age': '86400',
    };
    const ticket = await issue(alice).set('Origin', 'http://spa.test').expect(200);
    for (const response of [
      await api()
        .options('/ws/ticket')
        .set('Origin', 'http://spa.test')
        .set('Access-Control-Request-Method', 'POST')
        .expect(200),
      await api().options(`/ws/ticket/${ticket.body.value}`).expect(200),
      ticket,
      await api().post('/ws/ticket').expect(401),
      await api().delete(`/ws/ticket/${ticket.body.value}`).set('Authorization', admin).expect(403),
      await api().delete(`/ws/ticket/${ticket.body.value}`).set('Authorization', alice).expect(204),
    ])
      expect(cors(response)).toEqual(expected);
  });
});
