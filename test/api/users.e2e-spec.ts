import { ObjectId } from 'mongodb';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';
import { domainIdOf, seedLegacyUser, seedSettings } from '../support/openpaas-seed';
import { readPng } from '../support/png-reader';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const ALICE = basic('alice@twake.test', 'alice-secret');
const CAROL = basic('carol@demo.test', 'carol-secret');
const ADMIN = basic('admin@twake.test', 'admin-secret');
const EPOCH = '1970-01-01T00:00:00.000Z';

describe('REST users, avatars, domains and themes (rest-api.md §5.1, §5.2, §4)', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  let legacyId: string;
  let twakeId: ObjectId;
  let demoId: ObjectId;

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'twake.test,demo.test', BASIC_AUTH_ENABLED: 'true' });
    twakeId = await domainIdOf(service.database.db, 'twake.test');
    demoId = await domainIdOf(service.database.db, 'demo.test');
    legacyId = await seedLegacyUser(service.database.db, 'dana@twake.test', {
      firstname: 'Dana',
      lastname: 'Smith',
    });
    await seedSettings(service.database.db, legacyId, twakeId, [
      {
        name: 'core',
        configurations: [{ name: 'datetime', value: { timeZone: 'Asia/Tokyo', use24hourFormat: false } }],
      },
    ]);
  });
  afterAll(() => service.close());

  describe('GET /api/user', () => {
    it('provisions a directory user and returns the profile with every local setting', async () => {
      const response = await api().get('/api/user').set('Authorization', ALICE).expect(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      const body = response.body;
      expect(body).toMatchObject({
        _id: body.id,
        preferredEmail: 'alice@twake.test',
        emails: ['alice@twake.test'],
        firstname: 'Alice',
        lastname: 'Martin',
        objectType: 'user',
        main_phone: '',
        state: [],
        followings: 0,
        following: false,
        followers: 0,
        domains: [{ domain_id: twakeId.toHexString(), joined_at: EPOCH }],
        isPlatformAdmin: false,
        accounts: [
          {
            hosted: true,
            preferredEmailIndex: 0,
            type: 'email',
            timestamps: { creation: EPOCH },
            emails: ['alice@twake.test'],
          },
        ],
        login: { success: EPOCH, failures: [] },
      });
      expect(body).not.toHaveProperty('timezone');
      expect(ObjectId.isValid(body.id)).toBe(true);
      const modules = Object.fromEntries(
        (
          body.configurations.modules as {
            name: string;
            configurations: { name: string; value: unknown }[];
          }[]
        ).map((module) => [
          module.name,
          Object.fromEntries(module.configurations.map((entry) => [entry.name, entry.value])),
        ]),
      );
      expect(modules).toEqual({
        core: {
          davserver: { frontend: { url: process.env.DAV_URL }, backend: { url: process.env.DAV_URL } },
          allowDomainAdminToManageUserEmails: null,
          homePage: null,
          language: 'en',
          datetime: { timeZone: 'Europe/Paris', use24hourFormat: true },
          businessHours: [{ start: '8:0', end: '19:0', daysOfWeek: [1, 2, 3, 4, 5] }],
        },
        'linagora.esn.calendar': {
          features: { isSharingCalendarEnabled: true },
          workingDays: null,
          hideDeclinedEvents: null,
        },
        'linagora.esn.videoconference': {
          jitsiInstanceUrl: process.env.VISIO_URL,
          openPaasVideoconferenceAppUrl: process.env.VISIO_URL,
        },
        'linagora.esn.contact': {
          features: {
            isVirtualFollowingAddressbookEnabled: false,
            isVirtualUserAddressbookEnabled: false,
            isSharingAddressbookEnabled: true,
            isDomainMembersAddressbookEnabled: true,
          },
        },
        calendar: { alarmEmails: true, displayWeekNumbers: true },
      });
      const stored = await service.database.db.collection('users').findOne({ email: 'alice@twake.test' });
      expect(stored?._id.toHexString()).toBe(body.id);
    });

    it('answers 200 with an empty body for the admin account, known nowhere', async () => {
      const response = await api().get('/api/user').set('Authorization', ADMIN).expect(200);
      expect(response.text).toBe('');
    });

    it('answers 401 with an empty body without credentials', async () => {
      const response = await api().get('/api/user').expect(401);
      expect(response.text).toBe('');
      expect(response.headers['www-authenticate']).toBeUndefined();
    });
  });

  it('refuses profile edition with 405, without authentication', async () => {
    const response = await api().put('/api/user/profile').send({ firstname: 'X' }).expect(405);
    expect(response.text).toBe('');
  });

  describe('GET /api/users?email=', () => {
    it('finds a user of my domain, with its time zone and cache headers', async () => {
      const response = await api()
        .get('/api/users?email=Dana@Twake.test')
        .set('Authorization', ALICE)
        .expect(200);
      expect(response.headers['cache-control']).toBe('max-age=60, public');
      expect(response.body).toEqual([
        {
          _id: legacyId,
          preferredEmail: 'dana@twake.test',
          emails: ['dana@twake.test'],
          firstname: 'Dana',
          lastname: 'Smith',
          objectType: 'user',
          main_phone: '',
          state: [],
          followings: 0,
          following: false,
          followers: 0,
          timezone: 'Asia/Tokyo',
          domains: [{ domain_id: twakeId.toHexString(), joined_at: EPOCH }],
        },
      ]);
    });

    it('provisions a directory user not yet registered', async () => {
      const response = await api()
        .get('/api/users?email=bob@twake.test')
        .set('Authorization', ALICE)
        .expect(200);
      expect(response.body).toHaveLength(1);
      expect(response.body[0]).toMatchObject({
        firstname: 'Bob',
        lastname: 'Durand',
        timezone: 'Europe/Paris',
      });
    });

    it('answers [] for another domain, an unknown domain or an unknown user', async () => {
      for (const email of ['carol@demo.test', 'someone@nowhere.test', 'nobody@twake.test']) {
        const response = await api().get(`/api/users?email=${email}`).set('Authorization', ALICE).expect(200);
        expect(response.body).toEqual([]);
      }
    });

    it('lets the admin account look into any domain', async () => {
      const response = await api()
        .get('/api/users?email=carol@demo.test')
        .set('Authorization', ADMIN)
        .expect(200);
      expect(response.body).toEqual([
        expect.objectContaining({
          preferredEmail: 'carol@demo.test',
          domains: [{ domain_id: demoId.toHexString(), joined_at: EPOCH }],
        }),
      ]);
    });

    it.each([
      ['', "'email' query parameter is required"],
      ['?email=', "'email' query parameter is required"],
      ['?email=alice', "'email' query parameter must contain a domain part"],
      ['?email=alice@', "'email' query parameter must contain a domain part"],
    ])('answers 400 for %p', async (query, details) => {
      const response = await api().get(`/api/users${query}`).set('Authorization', ALICE).expect(400);
      expect(response.body).toEqual({
        error: { code: 400, type: 'BadRequest', message: 'Bad Request', details },
      });
    });
  });

  describe('GET /api/users/{id} and its avatar', () => {
    it('returns a user of my domain', async () => {
      const response = await api().get(`/api/users/${legacyId}`).set('Authorization', ALICE).expect(200);
      expect(response.headers['cache-control']).toBe('max-age=60, public');
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.body).toMatchObject({
        _id: legacyId,
        preferredEmail: 'dana@twake.test',
        timezone: 'Asia/Tokyo',
      });
    });

    it('answers 404, never 403, for another domain; the admin sees it', async () => {
      const response = await api().get(`/api/users/${legacyId}`).set('Authorization', CAROL).expect(404);
      expect(response.text).toBe('');
      await api().get(`/api/users/${legacyId}`).set('Authorization', ADMIN).expect(200);
      await api().get(`/api/users/${legacyId}/profile/avatar`).set('Authorization', CAROL).expect(404);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await api()
        .get(`/api/users/${new ObjectId().toHexString()}`)
        .set('Authorization', ALICE)
        .expect(404, '');
      const response = await api().get('/api/users/not-an-id').set('Authorization', ALICE).expect(400);
      expect(response.body.error).toMatchObject({
        code: 400,
        type: 'BadRequest',
        details: 'Invalid user id: not-an-id',
      });
      await api().get('/api/users/not-an-id/profile/avatar').set('Authorization', ALICE).expect(400);
    });

    it('redirects to the avatar of the address', async () => {
      const response = await api()
        .get(`/api/users/${legacyId}/profile/avatar`)
        .set('Authorization', ALICE)
        .expect(302, '');
      expect(response.headers.location).toBe(
        `${process.env.SELF_URL!.replace(/\/$/, '')}/api/avatars?email=dana@twake.test`,
      );
      expect(response.headers['cache-control']).toBe('max-age=1800, public');
    });

    it('percent-encodes in Location whatever a query parser would misread, and the avatar draws its letter', async () => {
      const odd = await seedLegacyUser(service.database.db, "o'neil+cal&x#y@twake.test", {
        firstname: 'O',
        lastname: 'N',
      });
      const response = await api()
        .get(`/api/users/${odd}/profile/avatar`)
        .set('Authorization', ALICE)
        .expect(302);
      const location = response.headers.location as string;
      expect(location).toBe(
        `${process.env.SELF_URL!.replace(/\/$/, '')}/api/avatars?email=o'neil%2Bcal%26x%23y@twake.test`,
      );
      expect(new URL(location).searchParams.get('email')).toBe("o'neil+cal&x#y@twake.test");
      await api()
        .get(new URL(location).pathname + new URL(location).search)
        .expect(200);
    });
  });

  describe('GET /api/avatars (public)', () => {
    it('draws the first letter in white on #00796B, 48×48', async () => {
      const response = await api()
        .get('/api/avatars?email=alice@twake.test')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['cache-control']).toBe('max-age=1800, public');
      expect(Number(response.headers['content-length'])).toBe((response.body as Buffer).length);
      const png = readPng(response.body as Buffer);
      expect([png.width, png.height]).toEqual([48, 48]);
      expect(png.pixel(0, 0)).toBe('#00796b');
      expect(png.pixel(47, 47)).toBe('#00796b');
      let white = 0;
      for (let y = 0; y < 48; y++) for (let x = 0; x < 48; x++) if (png.pixel(x, y) === '#ffffff') white++;
      expect(white).toBeGreaterThan(60);
    });

    it('is the same picture for the same initial, with an ETag honoured by If-None-Match', async () => {
      const first = await api().get('/api/avatars?email=anna@x.test').expect(200);
      const again = await api().get('/api/avatars?email=Adam').expect(200);
      expect(again.headers.etag).toBe(first.headers.etag);
      const other = await api().get('/api/avatars?email=zoe@x.test').expect(200);
      expect(other.headers.etag).not.toBe(first.headers.etag);
      const notModified = await api()
        .get('/api/avatars?email=anna@x.test')
        .set('If-None-Match', first.headers.etag!)
        .expect(304, '');
      expect(notModified.headers).toMatchObject({
        etag: first.headers.etag,
        'cache-control': 'max-age=1800, public',
      });
      expect(notModified.headers['content-type']).toBeUndefined();
    });

    it('accepts any text and refuses a missing or empty one', async () => {
      await api().get('/api/avatars?email=%E2%9C%93').expect(200);
      const response = await api().get('/api/avatars?email=').expect(400);
      expect(response.headers['cache-control']).toBeUndefined();
      expect(response.body.error).toMatchObject({ code: 400, type: 'BadRequest' });
      await api().get('/api/avatars').expect(400);
    });
  });

  describe('GET /api/domains/{id}', () => {
    it('returns my domain in the OpenPaaS shape', async () => {
      await service.database.db.collection('domains').updateOne(
        { _id: twakeId },
        {
          $push: {
            administrators: { user_id: new ObjectId(legacyId), timestamps: { creation: new Date() } },
          } as never,
        },
      );
      const response = await api()
        .get(`/api/domains/${twakeId.toHexString()}`)
        .set('Authorization', ALICE)
        .expect(200);
      expect(response.headers['cache-control']).toBe('max-age=60, public');
      expect(response.body).toEqual({
        _id: twakeId.toHexString(),
        name: 'twake.test',
        company_name: 'twake.test',
        hostnames: ['twake.test'],
        schemaVersion: 1,
        __v: 0,
        injections: [],
        timestamps: { creation: EPOCH },
        administrators: [{ user_id: legacyId, timestamps: { creation: EPOCH } }],
      });
    });

    it('answers 404 for another domain (admin allowed), 404 unknown, 400 malformed', async () => {
      await api().get(`/api/domains/${demoId.toHexString()}`).set('Authorization', ALICE).expect(404, '');
      await api().get(`/api/domains/${demoId.toHexString()}`).set('Authorization', ADMIN).expect(200);
      await api()
        .get(`/api/domains/${new ObjectId().toHexString()}`)
        .set('Authorization', ADMIN)
        .expect(404, '');
      await api().get('/api/domains/xyz').set('Authorization', ALICE).expect(400);
    });
  });

  describe('themes', () => {
    it('answers the same empty theme for any id', async () => {
      const response = await api().get('/api/themes/anything').set('Authorization', CAROL).expect(200);
      expect(response.body).toEqual({ logos: {}, colors: {} });
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['cache-control']).toBe('public, max-age=86400');
      await api().get('/api/themes/anything').expect(401);
    });

    it('redirects the logo to the calendar SPA, authenticated', async () => {
      const response = await api()
        .get(`/api/themes/${twakeId.toHexString()}/logo`)
        .set('Authorization', ALICE)
        .expect(301, '');
      expect(response.headers.location).toBe(
        `${process.env.SPA_CALENDAR_URL!.replace(/\/$/, '')}/calendar/assets/images/white-logo.svg`,
      );
      expect(response.headers['cache-control']).toBe('public, max-age=86400');
      await api().get(`/api/themes/${twakeId.toHexString()}/logo`).expect(401);
    });
  });
});
