import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ICON_GLYPHS } from '../../apps/side-service/src/resources/icons/icon-set';
import { createServer, IncomingMessage, Server } from 'node:http';
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

const ICON_NAMES = [
  'access-point',
  'battery',
  'briefcase',
  'calculator',
  'calendar-month',
  'camera',
  'car',
  'caravan',
  'cellphone',
  'coffee',
  'credit-card',
  'description',
  'deskphone',
  'fax',
  'guitar-acoustic',
  'home',
  'kettle',
  'laptop',
  'layers',
  'meeting-room',
  'microphone',
  'motorbike',
  'office',
  'parking',
  'people-alt',
  'phone-iphone',
  'phone',
  'projector',
  'radio',
  'remote',
  'soccer',
  'sofa',
  'tablet',
  'train',
  'tv',
  'umbrella',
  'video-camera-back',
  'video',
  'view-comfy-alt',
  'wifi',
];

/** Plays esn-sabre for `GET /calendars/{id}/{id}?withRights=true` (dav.md §4.2): the sharees of each resource. */
class ShareesServer {
  readonly invites = new Map<string, unknown[]>();
  readonly requests: { url: string; headers: IncomingMessage['headers'] }[] = [];
  failing = new Set<string>();
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url!, headers: req.headers });
      const match = /^\/calendars\/([0-9a-f]{24})\/([0-9a-f]{24})(\.json)?\?withRights=true$/.exec(
        req.url ?? '',
      );
      if (!match || match[1] !== match[2]) return void res.writeHead(404).end();
      if (this.failing.has(match[1]!)) return void res.writeHead(500).end('boom');
      const invite = this.invites.get(match[1]!);
      if (!invite) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          _links: { self: { href: `/calendars/${match[1]}/${match[1]}.json` } },
          invite,
          acl: [],
        }),
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('resources and icons (rest-api.md §5.6)', () => {
  let service: TestService;
  const dav = new ShareesServer();
  const api = () => request(service.api.getHttpServer());
  let twakeId: ObjectId;
  let danaId: string;
  let erinId: string;
  let fredId: string;
  let roomId: string;

  beforeAll(async () => {
    const davUrl = await dav.start();
    service = await startTestService({
      DOMAINS: 'twake.test,demo.test',
      BASIC_AUTH_ENABLED: 'true',
      DAV_URL: davUrl,
    });
    const db = service.database.db;
    twakeId = await domainIdOf(db, 'twake.test');
    danaId = await seedLegacyUser(db, 'dana@twake.test', { firstname: 'Dana', lastname: 'Smith' });
    erinId = await seedLegacyUser(db, 'erin@twake.test', { firstname: 'Erin', lastname: 'Roy' });
    fredId = await seedLegacyUser(db, 'fred@twake.test', { firstname: 'Fred', lastname: 'Blum' });
    roomId = await seedResource(db, twakeId, {
      name: 'Room 2',
      icon: 'meeting-room',
      description: 'Second floor',
      creator: danaId,
    });
    dav.invites.set(roomId, [
      {
        href: `principals/resources/${roomId}`,
        principal: `principals/resources/${roomId}`,
        access: 1,
        inviteStatus: 2,
      },
      { href: 'mailto:dana@twake.test', principal: `principals/users/${danaId}`, access: 3, inviteStatus: 2 },
      { href: '<MAILTO:Erin@Twake.test>', access: 5, inviteStatus: 2 },
      { href: 'mailto:fred@twake.test', access: 2, inviteStatus: 2 },
      { href: 'mailto:dana@twake.test', access: 5, inviteStatus: 2 },
      { href: 'mailto:unknown@twake.test', access: 3, inviteStatus: 2 },
      { href: 'mailto:odd@twake.test', access: 4, inviteStatus: 2 },
      { href: '', access: 3 },
    ]);
  });
  afterAll(async () => {
    await service.close();
    await dav.stop();
    delete process.env.DAV_URL;
  });

  describe('GET /api/resources/{id}', () => {
    it('returns the resource, its sharees from the DAV server and its domain', async () => {
      const response = await api().get(`/api/resources/${roomId}`).set('Authorization', ALICE).expect(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.body).toEqual({
        _id: roomId,
        name: 'Room 2',
        description: 'Second floor',
        type: 'resource',
        icon: 'meeting-room',
        deleted: false,
        creator: danaId,
        __v: 0,
        timestamps: { creation: '2025-01-10T09:00:00.000Z' },
        administrators: [
          { _id: danaId, id: danaId, objectType: 'user', davRight: 'dav:read-write', access: 3 },
          { _id: erinId, id: erinId, objectType: 'user', davRight: 'dav:administration', access: 5 },
          { _id: fredId, id: fredId, objectType: 'user', davRight: 'dav:read', access: 2 },
        ],
        domain: {
          _id: twakeId.toHexString(),
          name: 'twake.test',
          company_name: 'twake.test',
          hostnames: ['twake.test'],
          schemaVersion: 1,
          __v: 0,
          injections: [],
          timestamps: { creation: EPOCH },
          administrators: [],
        },
      });
      const call = dav.requests.find((entry) => entry.url.startsWith(`/calendars/${roomId}/${roomId}`))!;
      expect(call.headers.twakecalendartoken).toBeDefined();
    });

    it('answers the same on the deprecated alias', async () => {
      const direct = await api().get(`/api/resources/${roomId}`).set('Authorization', ALICE).expect(200);
      const alias = await api()
        .get(`/linagora.esn.resource/api/resources/${roomId}`)
        .set('Authorization', ALICE)
        .expect(200);
      expect(alias.body).toEqual(direct.body);
    });

    it('returns deleted resources, with updatedAt when updated, and no sharees without a calendar', async () => {
      const db = service.database.db;
      const id = new ObjectId();
      await db.collection('resources').insertOne({
        _id: id,
        creator: new ObjectId(danaId),
        deleted: true,
        description: 'gone',
        domain: twakeId,
        icon: 'car',
        name: 'Old car',
        timestamps: {
          creation: new Date('2024-01-01T00:00:00Z'),
          updatedAt: new Date('2024-06-01T12:00:00.123Z'),
        },
        type: 'resource',
        administrators: [{ id: danaId, objectType: 'user' }],
      });
      const response = await api()
        .get(`/api/resources/${id.toHexString()}`)
        .set('Authorization', ALICE)
        .expect(200);
      expect(response.body).toMatchObject({
        deleted: true,
        timestamps: { creation: '2024-01-01T00:00:00.000Z', updatedAt: '2024-06-01T12:00:00.123Z' },
        administrators: [],
      });
    });

    it('answers 404 for another domain (the admin sees it), unknown and malformed ids', async () => {
      await api().get(`/api/resources/${roomId}`).set('Authorization', CAROL).expect(404, '');
      await api()
        .get(`/linagora.esn.resource/api/resources/${roomId}`)
        .set('Authorization', CAROL)
        .expect(404, '');
      await api().get(`/api/resources/${roomId}`).set('Authorization', ADMIN).expect(200);
      await api()
        .get(`/api/resources/${new ObjectId().toHexString()}`)
        .set('Authorization', ALICE)
        .expect(404, '');
      await api().get('/api/resources/not-an-id').set('Authorization', ALICE).expect(404, '');
      await api().get(`/api/resources/${roomId}`).expect(401, '');
    });

    it('answers 502 when the DAV server fails to give the sharees', async () => {
      const id = await seedResource(service.database.db, twakeId, { name: 'Broken' });
      dav.failing.add(id);
      const response = await api().get(`/api/resources/${id}`).set('Authorization', ALICE).expect(502);
      expect(response.body.error).toMatchObject({ code: 502, details: 'Upstream server unavailable' });
    });
  });

  describe('GET /images/icon/{icon}.svg (public)', () => {
    it('serves exactly the names of the spec', () => {
      expect(Object.keys(ICON_GLYPHS).sort()).toEqual([...ICON_NAMES].sort());
    });

    it.each(ICON_NAMES)('serves %s', async (name) => {
      const response = await api().get(`/images/icon/${name}.svg`).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('image/svg+xml');
      const body = response.body instanceof Buffer ? response.body.toString() : response.text;
      expect(body).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 24 24"[^>]*>.*<\/svg>$/s,
      );
      // The Material Design Icons glyph of the maintained @mdi/svg package, as shipped.
      const glyph = ICON_GLYPHS[name]!;
      expect(body).toBe(
        readFileSync(
          join(dirname(require.resolve('@mdi/svg/package.json')), 'svg', `${glyph}.svg`),
          'utf8',
        ).trim(),
      );
      expect(body).toContain(`id="mdi-${glyph}"`);
    });

    it('sends caching headers and a per-process ETag honoured by If-None-Match', async () => {
      const response = await api().get('/images/icon/Meeting-Room.svg').expect(200);
      expect(response.headers).toMatchObject({
        'cache-control': 'public, max-age=604800',
        'x-content-type-options': 'nosniff',
      });
      expect(response.headers.etag).toMatch(/^"[0-9a-f]+-meeting-room"$/);
      await api()
        .get('/images/icon/meeting-room.svg')
        .set('If-None-Match', response.headers.etag!)
        .expect(304);
      await api()
        .get('/images/icon/meeting-room.svg')
        .set('If-None-Match', `"other", ${response.headers.etag}`)
        .expect(304);
      const notModified = await api()
        .get('/images/icon/meeting-room.svg')
        .set('If-None-Match', '*')
        .expect(304, '');
      expect(notModified.headers).toMatchObject({
        etag: response.headers.etag,
        'cache-control': 'public, max-age=604800',
        'x-content-type-options': 'nosniff',
      });
      await api().get('/images/icon/meeting-room.svg').set('If-None-Match', '"stale"').expect(200);
    });

    it('serves the deprecated alias', async () => {
      const response = await api().get('/linagora.esn.resource/images/icon/wifi.svg').expect(200);
      expect(response.headers['content-type']).toBe('image/svg+xml');
    });

    it('answers 404 for an unknown name and 400 for a blank one, with empty bodies', async () => {
      const unknown = await api().get('/images/icon/spaceship.svg').expect(404, '');
      const blank = await api().get('/images/icon/%20.svg').expect(400, '');
      for (const error of [unknown, blank]) {
        expect(error.headers['cache-control']).toBeUndefined();
        expect(error.headers.etag).toBeUndefined();
      }
      await api().get('/linagora.esn.resource/images/icon/nope.svg').expect(404, '');
    });
  });
});
