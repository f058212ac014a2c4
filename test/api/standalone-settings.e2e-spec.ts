import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';
import { seedLegacyUser } from '../support/openpaas-seed';

const ALICE = `Basic ${Buffer.from('alice@twake.test:alice-secret').toString('base64')}`;
const SPA = 'http://spa.example.test:3000';

interface PersonJson {
  id: string;
  objectType: string;
  emailAddresses: { value: string }[];
}

/** Settings for a deployment without the rest of the suite: CORS_ALLOWED_ORIGINS, PEOPLE_SEARCH_USERS_WITH_CONTACTS. */
describe.each([
  { label: 'shipped defaults', env: {}, standalone: false },
  {
    label: 'standalone settings on',
    env: { CORS_ALLOWED_ORIGINS: `${SPA}, http://other.test`, PEOPLE_SEARCH_USERS_WITH_CONTACTS: 'true' },
    standalone: true,
  },
])('$label', ({ env, standalone }) => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  const run = randomBytes(4).toString('hex');
  let quentinId: string;

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      CORS_ALLOWED_ORIGINS: undefined,
      PEOPLE_SEARCH_USERS_WITH_CONTACTS: undefined,
      // No Twake Mail here: the contact aliases name nothing.
      OPENSEARCH_CONTACT_USER_READ_ALIAS: `user_contact_absent_${run}`,
      OPENSEARCH_CONTACT_DOMAIN_READ_ALIAS: `domain_contact_absent_${run}`,
      ...env,
    });
    quentinId = await seedLegacyUser(service.database.db, `quentin.${run}@twake.test`, {
      firstname: 'Quentin',
      lastname: `Standalone${run}`,
    });
  });
  afterAll(() => service.close());

  it('people search with ["user","contact"] finds users directly only with the setting on', async () => {
    const response = await api()
      .post('/api/people/search')
      .set('Authorization', ALICE)
      .send({ q: `Standalone${run}`, objectTypes: ['user', 'contact'], limit: 10 })
      .expect(200);
    const people = response.body as PersonJson[];
    if (standalone) {
      expect(people.map((person) => [person.objectType, person.id, person.emailAddresses[0]!.value])).toEqual(
        [['user', quentinId, `quentin.${run}@twake.test`]],
      );
    } else expect(people).toEqual([]);
    // ["user"] alone finds the user either way (rest-api.md §5.7).
    const usersOnly = await api()
      .post('/api/people/search')
      .set('Authorization', ALICE)
      .send({ q: `Standalone${run}`, objectTypes: ['user'], limit: 10 })
      .expect(200);
    expect((usersOnly.body as PersonJson[]).map((person) => person.id)).toEqual([quentinId]);
  });

  it('answers the SPA preflights on REST routes and on /dav only with the policy', async () => {
    const preflights = [
      ['/api/configurations?scope=user', 'PATCH', 'authorization,content-type'],
      [
        '/dav/calendars/0123456789abcdef01234567/0123456789abcdef01234567.json',
        'REPORT',
        'authorization,content-type',
      ],
      ['/dav/calendars/0123456789abcdef01234567/cal/e.ics', 'PUT', 'authorization,content-type,prefer'],
      ['/dav/calendars/0123456789abcdef01234567/cal/e.ics', 'MOVE', 'authorization,destination'],
      ['/dav/calendars/0123456789abcdef01234567/cal.json', 'ACL', 'authorization,x-http-method-override'],
      ['/dav/calendars/0123456789abcdef01234567/cal.json', 'PROPPATCH', 'authorization,content-type'],
    ] as const;
    for (const [path, method, headers] of preflights) {
      const response = await api()
        .options(path)
        .set('Origin', SPA)
        .set('Access-Control-Request-Method', method)
        .set('Access-Control-Request-Headers', headers);
      if (!standalone) {
        expect(response.status).not.toBe(204);
        expect(response.headers['access-control-allow-methods'] ?? '').not.toContain(method);
        continue;
      }
      expect([path, response.status]).toEqual([path, 204]);
      expect(response.headers['access-control-allow-origin']).toBe(SPA);
      const methods = response.headers['access-control-allow-methods']!.split(', ');
      expect(methods).toContain(method);
      const allowed = response.headers['access-control-allow-headers']!.toLowerCase().split(', ');
      for (const header of headers.split(',')) expect(allowed).toContain(header);
      expect(response.headers['access-control-max-age']).toBe('86400');
      expect(response.headers.vary).toContain('Origin');
    }
  });

  it('gives the allowed origin back on answers, none to other origins; §3.2 headers by default', async () => {
    const fromSpa = await api().get('/api/user').set('Origin', SPA).set('Authorization', ALICE).expect(200);
    const unauthenticated = await api().get('/api/user').set('Origin', SPA).expect(401);
    const fromElsewhere = await api()
      .get('/api/user')
      .set('Origin', 'http://evil.test')
      .set('Authorization', ALICE);
    if (standalone) {
      expect(fromSpa.headers['access-control-allow-origin']).toBe(SPA);
      expect(fromSpa.headers['access-control-expose-headers']).toContain('ETag');
      expect(unauthenticated.headers['access-control-allow-origin']).toBe(SPA);
      expect(fromElsewhere.headers['access-control-allow-origin']).toBeUndefined();
      const rejected = await api()
        .options('/api/user')
        .set('Origin', 'http://evil.test')
        .set('Access-Control-Request-Method', 'PATCH');
      expect(rejected.status).not.toBe(204);
      expect(rejected.headers['access-control-allow-origin']).toBeUndefined();
    } else {
      for (const response of [fromSpa, unauthenticated, fromElsewhere]) {
        expect(response.headers['access-control-allow-origin']).toBe('*');
        expect(response.headers['access-control-allow-methods']).toBe('GET, POST, DELETE, PUT');
        expect(response.headers['access-control-allow-headers']).toBe('Content-Type, Authorization, Accept');
        expect(response.headers['access-control-max-age']).toBe('86400');
      }
    }
  });

  it('keeps the allowed origin on the answers /dav relays, and only there with the policy', async () => {
    const relayed = await api()
      .get('/dav/calendars/0123456789abcdef01234567.json')
      .set('Origin', SPA)
      .set('Accept', 'application/json')
      .set('Authorization', ALICE);
    expect(relayed.status).not.toBe(503);
    if (standalone) {
      expect(relayed.headers['access-control-allow-origin']).toBe(SPA);
      expect(relayed.headers['access-control-expose-headers']).toContain('ETag');
      expect(relayed.headers.vary).toContain('Origin');
    } else {
      expect(relayed.headers['access-control-allow-origin']).toBeUndefined();
      expect(relayed.headers.vary ?? '').not.toContain('Origin');
    }
    const elsewhere = await api()
      .get('/dav/calendars/0123456789abcdef01234567.json')
      .set('Origin', 'http://evil.test')
      .set('Accept', 'application/json')
      .set('Authorization', ALICE);
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('the ticket routes follow the same policy: preflight, ticket, its revocation and its errors', async () => {
    const cors = (response: request.Response) =>
      Object.fromEntries(
        Object.entries(response.headers).filter(([name]) => name.startsWith('access-control-')),
      );
    const preflight = await api()
      .options('/ws/ticket')
      .set('Origin', SPA)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization');
    const ticket = await api().post('/ws/ticket').set('Origin', SPA).set('Authorization', ALICE).expect(200);
    const elsewhere = await api()
      .post('/ws/ticket')
      .set('Origin', 'http://evil.test')
      .set('Authorization', ALICE)
      .expect(200);
    const unauthenticated = await api().post('/ws/ticket').set('Origin', SPA).expect(401);
    const revoked = await api()
      .delete(`/ws/ticket/${ticket.body.value}`)
      .set('Origin', SPA)
      .set('Authorization', ALICE)
      .expect(204);
    if (standalone) {
      expect(preflight.status).toBe(204);
      expect(cors(preflight)).toMatchObject({
        'access-control-allow-origin': SPA,
        'access-control-max-age': '86400',
      });
      expect(preflight.headers['access-control-allow-methods']!.split(', ')).toContain('POST');
      expect(preflight.headers['access-control-allow-headers']!.toLowerCase().split(', ')).toContain(
        'authorization',
      );
      for (const response of [ticket, unauthenticated, revoked]) {
        expect(cors(response)).toEqual({
          'access-control-allow-origin': SPA,
          'access-control-expose-headers': 'ETag, Location, Preference-Applied, Retry-After, X-Request-Id',
        });
        expect(response.headers.vary).toContain('Origin');
      }
      expect(cors(elsewhere)).toEqual({});
    } else {
      expect(preflight.status).toBe(200);
      for (const response of [preflight, ticket, elsewhere, unauthenticated, revoked])
        expect(cors(response)).toEqual({
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST, DELETE, PUT',
          'access-control-allow-headers': 'Content-Type, Authorization, Accept',
          'access-control-max-age': '86400',
        });
    }
  });
});
