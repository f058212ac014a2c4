import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { writeRsaKeyPair } from '@app/testing';
import { OpenApiDocument } from '../support/openapi-document';
import { TestService, startTestService } from '../support/service-apps';
import { domainIdOf, seedLegacyUser, seedSettings } from '../support/openpaas-seed';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const ALICE = basic('alice@twake.test', 'alice-secret');
const BOB = basic('bob@twake.test', 'bob-secret');

type Modules = { name: string; configurations: { name: string; value: unknown }[] }[];

/** Every key of rest-api.md §5.3 with a value different from its default. */
const STORED_VALUES: Modules = [
  {
    name: 'core',
    configurations: [
      { name: 'language', value: 'fr' },
      { name: 'datetime', value: { timeZone: 'America/New_York', use24hourFormat: false } },
      { name: 'businessHours', value: [{ start: '9:30', end: '17:0', daysOfWeek: [1, 2, 3, 4] }] },
      // Read from configuration or constants whatever is stored:
      { name: 'davserver', value: { frontend: { url: 'https://elsewhere' } } },
      { name: 'homePage', value: 'unifiedinbox' },
      { name: 'allowDomainAdminToManageUserEmails', value: true },
    ],
  },
  {
    name: 'linagora.esn.calendar',
    configurations: [
      { name: 'workingDays', value: { monday: true, sunday: false } },
      { name: 'hideDeclinedEvents', value: true },
      { name: 'features', value: { isSharingCalendarEnabled: false } },
    ],
  },
  {
    name: 'calendar',
    configurations: [
      { name: 'alarmEmails', value: false },
      { name: 'displayWeekNumbers', value: false },
    ],
  },
  {
    name: 'linagora.esn.videoconference',
    configurations: [{ name: 'jitsiInstanceUrl', value: 'https://nope' }],
  },
  { name: 'linagora.esn.contact', configurations: [{ name: 'features', value: null }] },
  {
    name: 'com.example.custom',
    configurations: [{ name: 'anything', value: [1, 2.5, 'x', null, { a: true }] }],
  },
];

const ALL_KEYS = STORED_VALUES.map((module) => ({
  name: module.name,
  keys: module.configurations.map((entry) => entry.name),
}));

function flatten(modules: Modules): Record<string, unknown> {
  return Object.fromEntries(
    modules.flatMap((module) =>
      module.configurations.map((entry) => [`${module.name}.${entry.name}`, entry.value]),
    ),
  );
}

describe('/api/configurations (rest-api.md §5.3)', () => {
  const keys = writeRsaKeyPair();
  const calendarJwt = async (sub: string) =>
    `Bearer ${await new SignJWT({ sub, twake_calendar_auth_type: 'jwt' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(createPrivateKey(keys.privateKeyPem))}`;
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  const read = (authorization: string, body: unknown) =>
    api()
      .post('/api/configurations')
      .set('Authorization', authorization)
      .send(body as object);

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'twake.test,demo.test',
      BASIC_AUTH_ENABLED: 'true',
      OPENPAAS_BACKEND_URL: undefined,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
    });
  });
  afterAll(() => service.close());

  it('reads only the modules and keys asked for, in that order, with their defaults', async () => {
    const response = await read(ALICE, [
      { name: 'calendar', keys: ['displayWeekNumbers', 'alarmEmails'] },
      { name: 'core', keys: ['language', 'datetime', 'businessHours'] },
    ]).expect(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body).toEqual([
      {
        name: 'calendar',
        configurations: [
          { name: 'displayWeekNumbers', value: true },
          { name: 'alarmEmails', value: true },
        ],
      },
      {
        name: 'core',
        configurations: [
          { name: 'language', value: 'en' },
          { name: 'datetime', value: { timeZone: 'Europe/Paris', use24hourFormat: true } },
          { name: 'businessHours', value: [{ start: '8:0', end: '19:0', daysOfWeek: [1, 2, 3, 4, 5] }] },
        ],
      },
    ]);
  });

  it('round-trips every key: stored ones come back verbatim, configured ones ignore what is stored', async () => {
    await api()
      .put('/api/configurations?scope=user')
      .set('Authorization', ALICE)
      .send(STORED_VALUES)
      .expect(204, '');
    const response = await read(ALICE, ALL_KEYS).expect(200);
    const davUrl = process.env.DAV_URL;
    expect(flatten(response.body)).toEqual({
      'core.language': 'fr',
      'core.datetime': { timeZone: 'America/New_York', use24hourFormat: false },
      'core.businessHours': [{ start: '9:30', end: '17:0', daysOfWeek: [1, 2, 3, 4] }],
      'core.davserver': { frontend: { url: davUrl }, backend: { url: davUrl } },
      'core.homePage': null,
      'core.allowDomainAdminToManageUserEmails': null,
      'linagora.esn.calendar.workingDays': { monday: true, sunday: false },
      'linagora.esn.calendar.hideDeclinedEvents': true,
      'linagora.esn.calendar.features': { isSharingCalendarEnabled: true },
      'calendar.alarmEmails': false,
      'calendar.displayWeekNumbers': false,
      'linagora.esn.videoconference.jitsiInstanceUrl': process.env.VISIO_URL,
      'linagora.esn.contact.features': {
        isVirtualFollowingAddressbookEnabled: false,
        isVirtualUserAddressbookEnabled: false,
        isSharingAddressbookEnabled: true,
        isDomainMembersAddressbookEnabled: true,
      },
      'com.example.custom.anything': [1, 2.5, 'x', null, { a: true }],
    });
  });

  it('stores the OpenPaaS layout: one document per (domain, user) with ObjectIds and modules', async () => {
    const user = await service.database.db.collection('users').findOne({ email: 'alice@twake.test' });
    const documents = await service.database.db
      .collection('configurations')
      .find({ user_id: user!._id })
      .toArray();
    expect(documents).toHaveLength(1);
    expect(documents[0]!.domain_id).toEqual(await domainIdOf(service.database.db, 'twake.test'));
    expect(documents[0]!.user_id).toBeInstanceOf(ObjectId);
    expect(documents[0]!.modules).toEqual(STORED_VALUES);
  });

  it('PUT replaces everything: keys not sent are deleted', async () => {
    await api()
      .put('/api/configurations?scope=user')
      .set('Authorization', ALICE)
      .send([{ name: 'core', configurations: [{ name: 'language', value: 'vi' }] }])
      .expect(204);
    const response = await read(ALICE, [
      { name: 'core', keys: ['language', 'datetime'] },
      { name: 'calendar', keys: ['alarmEmails'] },
    ]);
    expect(flatten(response.body)).toEqual({
      'core.language': 'vi',
      'core.datetime': { timeZone: 'Europe/Paris', use24hourFormat: true },
      'calendar.alarmEmails': true,
    });
    await api().put('/api/configurations?scope=user').set('Authorization', ALICE).send([]).expect(204);
    const user = await service.database.db.collection('users').findOne({ email: 'alice@twake.test' });
    const document = await service.database.db.collection('configurations').findOne({ user_id: user!._id });
    expect(document!.modules).toEqual([]);
  });

  it('PATCH merges: other keys are kept, values may be set to null, scope is ignored', async () => {
    await api()
      .patch('/api/configurations')
      .set('Authorization', ALICE)
      .send([{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }])
      .expect(204, '');
    await api()
      .patch('/api/configurations?scope=whatever')
      .set('Authorization', ALICE)
      .send([
        { name: 'calendar', configurations: [{ name: 'alarmEmails', value: false }] },
        { name: 'linagora.esn.calendar', configurations: [{ name: 'workingDays', value: null }] },
      ])
      .expect(204);
    const response = await read(ALICE, [
      { name: 'core', keys: ['language'] },
      { name: 'calendar', keys: ['alarmEmails'] },
      { name: 'linagora.esn.calendar', keys: ['workingDays'] },
    ]);
    expect(flatten(response.body)).toEqual({
      'core.language': 'fr',
      'calendar.alarmEmails': false,
      'linagora.esn.calendar.workingDays': null,
    });
  });

  it('reads what OpenPaaS stored (string booleans verbatim) and merges into it', async () => {
    const db = service.database.db;
    const erinId = await seedLegacyUser(db, 'erin@twake.test', { firstname: 'Erin', lastname: 'Roy' });
    await seedSettings(db, erinId, await domainIdOf(db, 'twake.test'), [
      { name: 'calendar', configurations: [{ name: 'alarmEmails', value: 'true' }] },
      { name: 'core', configurations: [{ name: 'language', value: 'ru' }] },
    ]);
    const erin = await calendarJwt('erin@twake.test');
    const response = await read(erin, [
      { name: 'core', keys: ['language'] },
      { name: 'calendar', keys: ['alarmEmails'] },
    ]).expect(200);
    expect(flatten(response.body)).toEqual({ 'core.language': 'ru', 'calendar.alarmEmails': 'true' });
    await api()
      .patch('/api/configurations')
      .set('Authorization', erin)
      .send([{ name: 'core', configurations: [{ name: 'language', value: 'en' }] }])
      .expect(204);
    const settings = await db
      .collection('configurations')
      .find({ user_id: new ObjectId(erinId) })
      .toArray();
    expect(settings).toHaveLength(1);
    expect(settings[0]!.modules).toEqual([
      { name: 'calendar', configurations: [{ name: 'alarmEmails', value: 'true' }] },
      { name: 'core', configurations: [{ name: 'language', value: 'en' }] },
    ]);
  });

  it('refuses to store settings of a caller who is not a registered user', async () => {
    await api()
      .patch('/api/configurations')
      .set('Authorization', await calendarJwt('ghost@twake.test'))
      .send([{ name: 'core', configurations: [{ name: 'language', value: 'en' }] }])
      .expect(404);
    const response = await read(await calendarJwt('ghost@twake.test'), [
      { name: 'core', keys: ['language'] },
    ]).expect(200);
    expect(flatten(response.body)).toEqual({ 'core.language': 'en' });
  });

  it('answers null for keys nobody knows when no legacy backend is configured (documented deviation)', async () => {
    const response = await read(BOB, [{ name: 'linagora.esn.unifiedinbox', keys: ['forwarding'] }]).expect(
      200,
    );
    expect(response.body).toEqual([
      { name: 'linagora.esn.unifiedinbox', configurations: [{ name: 'forwarding', value: null }] },
    ]);
  });

  describe('validation', () => {
    it.each([{}, { name: 'core' }])('POST refuses %p: not an array', async (body) => {
      const response = await api()
        .post('/api/configurations')
        .set('Authorization', ALICE)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: { code: 400, type: 'BadRequest', message: 'Bad Request', details: 'Expecting a JSON array' },
      });
    });

    it('POST refuses a body that is not JSON, or JSON that is neither an object nor an array', async () => {
      for (const primitive of ['"core"', 'null', '42']) {
        const response = await api()
          .post('/api/configurations')
          .set('Authorization', ALICE)
          .set('Content-Type', 'application/json')
          .send(primitive)
          .expect(400);
        expect(response.body.error).toMatchObject({ code: 400, type: 'BadRequest' });
      }
      await api()
        .post('/api/configurations')
        .set('Authorization', ALICE)
        .set('Content-Type', 'text/plain')
        .send('[{"name":"core","keys":["language"]}]')
        .expect(400);
      await api()
        .post('/api/configurations')
        .set('Authorization', ALICE)
        .set('Content-Type', 'application/json')
        .send('[{"name":')
        .expect(400);
    });

    it('POST answers the details of each refusal: not an array, or an item that is not a module lookup', async () => {
      const details = async (body: string) =>
        (
          await api()
            .post('/api/configurations')
            .set('Authorization', ALICE)
            .set('Content-Type', 'application/json')
            .send(body)
            .expect(400)
        ).body.error.details;
      for (const notArray of ['"core"', 'null', '42', '[{"name":'])
        expect(await details(notArray)).toBe('Expecting a JSON array');
      for (const item of [
        '"core"',
        'null',
        '[]',
        '{}',
        '{"name":" "}',
        '{"name":7}',
        '{"name":"core","keys":"language"}',
        '{"name":"core","keys":["language",3]}',
      ])
        expect(await details(`[{"name":"core"},${item}]`)).toBe('Invalid request body');
    });

    it('POST ignores unknown item properties and reads null keys as every key', async () => {
      const response = await read(ALICE, [{ name: 'calendar', keys: null, extra: { a: 1 } }]).expect(200);
      expect(response.body).toEqual([
        {
          name: 'calendar',
          configurations: [
            { name: 'alarmEmails', value: expect.anything() },
            { name: 'displayWeekNumbers', value: expect.anything() },
          ],
        },
      ]);
    });

    it.each(['', '?scope=', '?scope=domain', '?scope=USER'])('PUT refuses scope %p', async (query) => {
      const response = await api()
        .put(`/api/configurations${query}`)
        .set('Authorization', ALICE)
        .send([{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }])
        .expect(400);
      expect(response.body.error).toMatchObject({ code: 400, type: 'BadRequest' });
    });

    it.each([
      ['an object', {}],
      ['a blank module name', [{ name: ' ', configurations: [] }]],
      ['no configurations', [{ name: 'core' }]],
      ['an entry without value', [{ name: 'core', configurations: [{ name: 'language' }] }]],
      ['an entry without name', [{ name: 'core', configurations: [{ value: 'fr' }] }]],
      ['an entry that is not an object', [{ name: 'core', configurations: ['language'] }]],
      ['a null entry', [{ name: 'core', configurations: [null] }]],
      ['a module that is not an object', ['core']],
      ['a module name that is not a string', [{ name: 3, configurations: [] }]],
      ['configurations that are not an array', [{ name: 'core', configurations: { language: 'fr' } }]],
      ['a blank key', [{ name: 'core', configurations: [{ name: '', value: 'fr' }] }]],
      [
        'a second module without configurations',
        [{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }, { name: 'calendar' }],
      ],
    ])('PUT and PATCH refuse %s', async (_label, body) => {
      for (const method of ['put', 'patch'] as const) {
        const response = await api()
          [method]('/api/configurations?scope=user')
          .set('Authorization', ALICE)
          .send(body as object)
          .expect(400);
        expect(response.body).toEqual({
          error: { code: 400, type: 'BadRequest', message: 'Bad Request', details: 'Invalid request body' },
        });
      }
    });

    it('PUT and PATCH refuse an empty body, a text body and invalid JSON', async () => {
      const invalid = {
        error: { code: 400, type: 'BadRequest', message: 'Bad Request', details: 'Invalid request body' },
      };
      for (const method of ['put', 'patch'] as const) {
        const empty = await api()
          [method]('/api/configurations?scope=user')
          .set('Authorization', ALICE)
          .expect(400);
        expect(empty.body).toEqual(invalid);
        const text = await api()
          [method]('/api/configurations?scope=user')
          .set('Authorization', ALICE)
          .set('Content-Type', 'text/plain')
          .send('[]')
          .expect(400);
        expect(text.body).toEqual(invalid);
        const malformed = await api()
          [method]('/api/configurations?scope=user')
          .set('Authorization', ALICE)
          .set('Content-Type', 'application/json')
          .send('[{')
          .expect(400);
        expect(malformed.body).toEqual(invalid);
      }
    });

    it('PUT and PATCH answer 400, not a crash, to JSON nested deeper than the stack allows', async () => {
      const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
      for (const method of ['put', 'patch'] as const) {
        for (const body of [
          `[{"name":"com.example.custom","configurations":[{"name":"v","value":${deep}}]}]`,
          `[{"name":"com.example.custom","configurations":[],"extra":${deep}}]`,
        ]) {
          const response = await api()
            [method]('/api/configurations?scope=user')
            .set('Authorization', ALICE)
            .set('Content-Type', 'application/json')
            .send(body)
            .expect(400);
          expect(response.body.error).toMatchObject({
            code: 400,
            type: 'BadRequest',
            details: 'Invalid request body',
          });
        }
      }
    });

    it('describes the three bodies with their DTOs in the OpenAPI document', async () => {
      const document = (await api().get('/api/openapi.json').expect(200)).body as OpenApiDocument;
      const body = (method: string) =>
        document.paths['/api/configurations']?.[method]?.requestBody?.content['application/json']?.schema;
      expect(body('post')).toEqual({
        type: 'array',
        items: { $ref: '#/components/schemas/ModuleKeysRequestDto' },
      });
      for (const method of ['put', 'patch'])
        expect(body(method)).toEqual({
          type: 'array',
          items: { $ref: '#/components/schemas/ModuleConfigurationsRequestDto' },
        });
      const { schemas } = document.components;
      expect(schemas.ModuleKeysRequestDto).toMatchObject({
        required: ['name'],
        properties: { name: { type: 'string' }, keys: { type: 'array', items: { type: 'string' } } },
      });
      expect(schemas.ModuleConfigurationsRequestDto).toMatchObject({
        required: ['name', 'configurations'],
        properties: {
          configurations: {
            type: 'array',
            items: { $ref: '#/components/schemas/ConfigurationEntryRequestDto' },
          },
        },
      });
      expect(schemas.ConfigurationEntryRequestDto?.required).toEqual(['name', 'value']);
    });

    it('requires authentication', async () => {
      await api().post('/api/configurations').send([]).expect(401);
      await api().put('/api/configurations?scope=user').send([]).expect(401);
      await api().patch('/api/configurations').send([]).expect(401);
    });
  });

  describe('values the database cannot store', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nest(depth - 1) });
    const entry = (value: unknown) => [
      { name: 'com.example.custom', configurations: [{ name: 'v', value }] },
    ];

    it.each([
      ['an array inside an array', [[1]], 'arrays directly inside arrays cannot be stored'],
      [
        'a deeper array inside an array',
        { list: [1, [2, 3]] },
        'arrays directly inside arrays cannot be stored',
      ],
      ['a key starting with $', { $where: 1 }, 'invalid key "$where"'],
      ['a nested key with a dot', { a: { 'b.c': 1 } }, 'invalid key "b.c"'],
      ['a key with NUL', { 'a\u0000b': 1 }, 'invalid key'],
      ['3,000 levels of nesting', nest(3000), 'nested more than 32 levels deep'],
      ['100 KB of text', 'x'.repeat(100_000), 'larger than 65536 bytes'],
    ])('answers 400 to %s on PATCH and PUT, and stores nothing', async (_label, value, reason) => {
      for (const method of ['patch', 'put'] as const) {
        const response = await api()
          [method]('/api/configurations?scope=user')
          .set('Authorization', BOB)
          .send(entry(value))
          .expect(400);
        expect(response.body.error).toMatchObject({ code: 400, type: 'BadRequest', message: 'Bad Request' });
        expect(response.body.error.details).toContain('Invalid value of com.example.custom.v: ');
        expect(response.body.error.details).toContain(reason);
      }
      const stored = await read(BOB, [{ name: 'com.example.custom', keys: ['v'] }]).expect(200);
      expect(stored.body).toEqual([
        { name: 'com.example.custom', configurations: [{ name: 'v', value: null }] },
      ]);
    });

    it('stores what it can: 32 levels, arrays of objects holding arrays, keys with other symbols', async () => {
      const value = { deep: nest(30), list: [{ inner: [1, 2] }, 'x', null], 'k-e y@#%': true };
      await api().patch('/api/configurations').set('Authorization', BOB).send(entry(value)).expect(204);
      const response = await read(BOB, [{ name: 'com.example.custom', keys: ['v'] }]).expect(200);
      expect(response.body[0].configurations[0].value).toEqual(value);
    });
  });
});

describe('/api/configurations with Twake Workplace settings and a legacy backend', () => {
  let service: TestService;
  let backend: Server;
  let failing = false;
  const received: { authorization?: string; url?: string; body: string }[] = [];
  const api = () => request(service.api.getHttpServer());

  beforeAll(async () => {
    backend = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ authorization: req.headers.authorization, url: req.url, body });
        if (failing) {
          res.writeHead(503).end();
          return;
        }
        const [asked] = JSON.parse(body) as { name: string; keys: string[] }[];
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify([
            { name: asked!.name, configurations: [{ name: asked!.keys[0], value: { from: 'legacy' } }] },
          ]),
        );
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    service = await startTestService({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      TWP_SETTINGS_ENABLED: 'true',
      OPENPAAS_BACKEND_URL: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`,
    });
  });
  afterAll(async () => {
    await service.close();
    await new Promise((resolve) => backend.close(resolve));
    delete process.env.TWP_SETTINGS_ENABLED;
    delete process.env.OPENPAAS_BACKEND_URL;
  });

  it('refuses a PATCH of the language owned by Twake Workplace and writes nothing', async () => {
    const response = await api()
      .patch('/api/configurations')
      .set('Authorization', ALICE)
      .send([
        { name: 'calendar', configurations: [{ name: 'alarmEmails', value: false }] },
        { name: 'core', configurations: [{ name: 'language', value: 'fr' }] },
      ])
      .expect(400);
    expect(response.body.error).toMatchObject({ details: 'Cannot modify read-only settings: language' });
    expect(await service.database.db.collection('configurations').countDocuments()).toBe(0);
    await api()
      .patch('/api/configurations')
      .set('Authorization', ALICE)
      .send([{ name: 'calendar', configurations: [{ name: 'alarmEmails', value: false }] }])
      .expect(204);
    // PUT does not enforce read-only settings (rest-api.md §5.3).
    await api()
      .put('/api/configurations?scope=user')
      .set('Authorization', ALICE)
      .send([{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }])
      .expect(204);
  });

  it('asks the legacy backend for unknown keys as the user, with a calendar JWT', async () => {
    const response = await api()
      .post('/api/configurations')
      .set('Authorization', ALICE)
      .send([
        { name: 'linagora.esn.unifiedinbox', keys: ['forwarding'] },
        { name: 'core', keys: ['language'] },
      ])
      .expect(200);
    expect(response.body).toEqual([
      {
        name: 'linagora.esn.unifiedinbox',
        configurations: [{ name: 'forwarding', value: { from: 'legacy' } }],
      },
      { name: 'core', configurations: [{ name: 'language', value: 'fr' }] },
    ]);
    const call = received.at(-1)!;
    expect(call.url).toBe('/api/configurations?scope=user');
    expect(JSON.parse(call.body)).toEqual([{ name: 'linagora.esn.unifiedinbox', keys: ['forwarding'] }]);
    expect(call.authorization).toMatch(/^Bearer eyJ/);
    const claims = JSON.parse(Buffer.from(call.authorization!.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'alice@twake.test', twake_calendar_auth_type: 'jwt' });
  });

  it('fails with 500 when the legacy backend fails', async () => {
    failing = true;
    await api()
      .post('/api/configurations')
      .set('Authorization', ALICE)
      .send([{ name: 'linagora.esn.unifiedinbox', keys: ['forwarding'] }])
      .expect(500);
    failing = false;
  });
});
