import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';
import { domainIdOf, seedLegacyUser, seedResource } from '../support/openpaas-seed';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const ALICE = basic('alice@twake.test', 'alice-secret');
const CAROL = basic('carol@demo.test', 'carol-secret');
const ADMIN = basic('admin@twake.test', 'admin-secret');
const EPOCH = '1970-01-01T00:00:00.000Z';

describe('domain settings, team calendars and entities (rest-api.md §6.1–6.3)', () => {
  let service: TestService;
  let dav: Server;
  const api = () => request(service.api.getHttpServer());
  let twake: ObjectId;
  let danaId: string;
  let resourceId: string;
  const teamId = new ObjectId();

  beforeAll(async () => {
    // A DAV server where resources have no calendar yet: no sharees.
    dav = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => dav.listen(0, '127.0.0.1', resolve));
    service = await startTestService({
      DOMAINS: 'twake.test,demo.test',
      BASIC_AUTH_ENABLED: 'true',
      DAV_URL: `http://127.0.0.1:${(dav.address() as AddressInfo).port}`,
      USER_SEARCH_LIMITED_DOMAINS: 'demo.test',
      RESOURCE_SEARCH_ENABLED: 'false',
      DEFAULT_CALENDAR_PUBLIC_VISIBILITY: 'READ',
    });
    const db = service.database.db;
    twake = await domainIdOf(db, 'twake.test');
    danaId = await seedLegacyUser(db, 'dana@twake.test', { firstname: 'Dana', lastname: 'Smith' });
    await db.collection('domains').updateOne(
      { _id: twake },
      {
        $set: { administrators: [{ user_id: new ObjectId(danaId), timestamps: { creation: new Date() } }] },
      },
    );
    resourceId = await seedResource(db, twake, { name: 'Room 1', icon: 'tv', creator: danaId });
    await db.collection('team_calendars').insertOne({
      _id: teamId,
      domainId: twake,
      domainName: 'twake.test',
      name: 'sales',
      displayName: 'Sales Team',
      creation: new Date('2025-03-01T08:00:00Z'),
      updated: new Date('2025-03-01T08:00:00Z'),
    });
  });
  afterAll(async () => {
    await service.close();
    await new Promise((resolve) => dav.close(resolve));
    for (const name of [
      'DAV_URL',
      'USER_SEARCH_LIMITED_DOMAINS',
      'RESOURCE_SEARCH_ENABLED',
      'DEFAULT_CALENDAR_PUBLIC_VISIBILITY',
    ])
      delete process.env[name];
  });

  describe('GET /api/domain/settings', () => {
    it('resolves from configuration when the domain stores nothing', async () => {
      const alice = await api().get('/api/domain/settings').set('Authorization', ALICE).expect(200);
      expect(alice.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(alice.body).toEqual({
        userSearchMode: 'enabled',
        resourceSearchEnabled: false,
        defaultCalendarPublicVisibility: 'read',
      });
      const carol = await api().get('/api/domain/settings').set('Authorization', CAROL).expect(200);
      expect(carol.body).toMatchObject({ userSearchMode: 'limited' });
    });

    it('prefers what the domain stores, field by field', async () => {
      await service.database.db
        .collection('domain_settings')
        .insertOne({ domain: 'demo.test', userSearchMode: 'Disabled', resourceSearchEnabled: true });
      const carol = await api().get('/api/domain/settings').set('Authorization', CAROL).expect(200);
      expect(carol.body).toEqual({
        userSearchMode: 'disabled',
        resourceSearchEnabled: true,
        defaultCalendarPublicVisibility: 'read',
      });
    });

    it('requires authentication', async () => {
      await api().get('/api/domain/settings').expect(401, '');
    });
  });

  describe('GET /api/team-calendars/{id}', () => {
    it('returns a team calendar of my domain with a short domain', async () => {
      const response = await api()
        .get(`/api/team-calendars/${teamId.toHexString()}`)
        .set('Authorization', ALICE);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        _id: teamId.toHexString(),
        name: 'sales',
        displayName: 'Sales Team',
        timestamps: { creation: '2025-03-01T08:00:00.000Z' },
        domain: {
          _id: twake.toHexString(),
          name: 'twake.test',
          company_name: 'twake.test',
          hostnames: ['twake.test'],
          timestamps: { creation: EPOCH },
        },
      });
    });

    it('answers 404 for another domain, unknown and malformed ids', async () => {
      await api()
        .get(`/api/team-calendars/${teamId.toHexString()}`)
        .set('Authorization', CAROL)
        .expect(404, '');
      await api().get(`/api/team-calendars/${teamId.toHexString()}`).set('Authorization', ADMIN).expect(200);
      await api()
        .get(`/api/team-calendars/${new ObjectId().toHexString()}`)
        .set('Authorization', ALICE)
        .expect(404);
      await api().get('/api/team-calendars/sales').set('Authorization', ALICE).expect(404, '');
    });
  });

  describe('GET /api/entity/{id}', () => {
    const shortDomain = () => ({
      _id: twake.toHexString(),
      name: 'twake.test',
      company_name: 'twake.test',
      hostnames: ['twake.test'],
      timestamps: { creation: EPOCH },
      administrators: [{ user_id: danaId, timestamps: { creation: EPOCH } }],
    });

    it('wraps a user', async () => {
      const response = await api().get(`/api/entity/${danaId}`).set('Authorization', ALICE).expect(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.body).toEqual({
        user: expect.objectContaining({
          _id: danaId,
          preferredEmail: 'dana@twake.test',
          timezone: 'Europe/Paris',
        }),
      });
    });

    it('wraps a team calendar, its domain with administrators', async () => {
      const response = await api()
        .get(`/api/entity/${teamId.toHexString()}`)
        .set('Authorization', ALICE)
        .expect(200);
      expect(response.body).toEqual({
        teamCalendar: {
          _id: teamId.toHexString(),
          name: 'sales',
          displayName: 'Sales Team',
          timestamps: { creation: '2025-03-01T08:00:00.000Z' },
          domain: shortDomain(),
        },
      });
    });

    it('wraps a resource without __v and with a short domain', async () => {
      const response = await api().get(`/api/entity/${resourceId}`).set('Authorization', ALICE).expect(200);
      expect(response.body).toEqual({
        resource: {
          _id: resourceId,
          name: 'Room 1',
          description: '',
          type: 'resource',
          icon: 'tv',
          deleted: false,
          creator: danaId,
          timestamps: { creation: '2025-01-10T09:00:00.000Z' },
          administrators: [],
          domain: shortDomain(),
        },
      });
    });

    it('wraps a domain', async () => {
      const response = await api()
        .get(`/api/entity/${twake.toHexString()}`)
        .set('Authorization', ALICE)
        .expect(200);
      expect(response.body).toEqual({ domain: shortDomain() });
    });

    it('answers 404 for what is in another domain (admin allowed) and for unknown ids, 400 for malformed ones', async () => {
      for (const id of [danaId, teamId.toHexString(), resourceId, twake.toHexString()]) {
        await api().get(`/api/entity/${id}`).set('Authorization', CAROL).expect(404, '');
        await api().get(`/api/entity/${id}`).set('Authorization', ADMIN).expect(200);
      }
      await api()
        .get(`/api/entity/${new ObjectId().toHexString()}`)
        .set('Authorization', ALICE)
        .expect(404, '');
      const response = await api().get('/api/entity/nope').set('Authorization', ALICE).expect(400);
      expect(response.body.error).toMatchObject({ code: 400, type: 'BadRequest' });
    });
  });
});
