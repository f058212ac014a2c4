import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';
import { domainIdOf, seedLegacyUser, seedResource } from '../support/openpaas-seed';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const ALICE = basic('alice@twake.test', 'alice-secret');
const CAROL = basic('carol@demo.test', 'carol-secret');

interface PersonJson {
  id: string;
  objectType: string;
  names: { displayName: string; type: string }[];
  emailAddresses: { value: string; type: string }[];
  phoneNumbers: unknown[];
  photos?: { url: string; type: string }[];
}

describe('POST /api/people/search (rest-api.md §5.7, events.md §6)', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());
  const search = (body: unknown, authorization = ALICE) =>
    api()
      .post('/api/people/search')
      .set('Authorization', authorization)
      .send(body as object);
  const summary = (people: PersonJson[]) =>
    people.map(
      (person) => `${person.objectType}:${person.names[0]!.displayName}:${person.emailAddresses[0]!.value}`,
    );

  const run = randomBytes(4).toString('hex');
  const userAlias = `user_contact_read_${run}`;
  const domainAlias = `domain_contact_read_${run}`;
  const opensearch = new Client({
    node: `${process.env.OPENSEARCH_SCHEME ?? 'http'}://${process.env.OPENSEARCH_HOSTS}`,
  });
  const selfUrl = process.env.SELF_URL!.replace(/\/$/, '');
  let ids: Record<string, string>;

  beforeAll(async () => {
    for (const [index, alias] of [
      [`user_contact_${run}`, userAlias],
      [`domain_contact_${run}`, domainAlias],
    ] as const) {
      await opensearch.indices.create({
        index,
        body: {
          // Twake Mail's indices use n-grams; the test server lacks that analysis module, so queries are whole words.
          mappings: {
            properties: {
              accountId: { type: 'keyword' },
              domain: { type: 'keyword' },
              contactId: { type: 'keyword' },
              email: { type: 'text' },
              firstname: { type: 'text' },
              surname: { type: 'text' },
            },
          },
          aliases: { [alias]: {} },
        },
      });
    }
    const contact = (index: string, id: string, document: Record<string, string>) =>
      opensearch.index({ index, id, body: { contactId: randomUUID(), ...document }, refresh: true });
    await contact(`user_contact_${run}`, `alice@twake.test:zoe@partner.test`, {
      accountId: 'alice@twake.test',
      email: 'zoe@partner.test',
      firstname: 'Zoe',
      surname: 'Partner',
    });
    await contact(`user_contact_${run}`, `bob@twake.test:yann@partner.test`, {
      accountId: 'bob@twake.test',
      email: 'yann@partner.test',
      firstname: 'Yann',
      surname: 'Partner',
    });
    await contact(`domain_contact_${run}`, `twake.test:dana@twake.test`, {
      domain: 'twake.test',
      email: 'dana@twake.test',
      firstname: 'Dana',
      surname: 'Partner',
    });

    service = await startTestService({
      DOMAINS: 'twake.test,demo.test,quiet.test',
      BASIC_AUTH_ENABLED: 'true',
      OPENSEARCH_CONTACT_USER_READ_ALIAS: userAlias,
      OPENSEARCH_CONTACT_DOMAIN_READ_ALIAS: domainAlias,
      USER_SEARCH_LIMITED_DOMAINS: 'demo.test',
      USER_SEARCH_DISABLED_DOMAINS: 'quiet.test',
    });
    const db = service.database.db;
    const twake = await domainIdOf(db, 'twake.test');
    const demo = await domainIdOf(db, 'demo.test');
    ids = {
      dana: await seedLegacyUser(db, 'dana@twake.test', { firstname: 'Dana', lastname: 'Partner' }),
      anna: await seedLegacyUser(db, 'anna.b@twake.test', { firstname: 'anna', lastname: 'Bell' }),
      paul: await seedLegacyUser(db, 'paul@twake.test', { firstname: 'Paul', lastname: 'Partridge' }),
      dora: await seedLegacyUser(db, 'dora@demo.test', { firstname: 'Dora', lastname: 'Partner' }),
      partRoom: await seedResource(db, twake, { name: 'Partner room', icon: 'meeting-room' }),
      car: await seedResource(db, twake, { name: 'Car for partners' }),
      gone: await seedResource(db, twake, { name: 'Partner hall', deleted: true }),
      elsewhere: await seedResource(db, demo, { name: 'Partner desk' }),
    };
    const team = new ObjectId();
    ids.team = team.toHexString();
    await db.collection('team_calendars').insertOne({
      _id: team,
      domainId: twake,
      domainName: 'twake.test',
      name: 'partners',
      displayName: 'Partners Team',
      creation: new Date(),
      updated: new Date(),
    });
  });
  afterAll(async () => {
    await service.close();
    await opensearch.indices.delete({ index: `user_contact_${run},domain_contact_${run}` });
    await opensearch.close();
  });

  it('answers every type for an empty filter, ranked by type then name, in the spec shape', async () => {
    const response = await search({ q: 'partner', objectTypes: [], limit: 10 }).expect(200);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(summary(response.body)).toEqual([
      // Users come through the contact index when contacts are asked too.
      'user:Dana Partner:dana@twake.test',
      `resource:Car for partners:${ids.car}@twake.test`,
      `resource:Partner room:${ids.partRoom}@twake.test`,
      'contact:Zoe Partner:zoe@partner.test',
      'team-calendar:Partners Team:partners@twake.test',
    ]);
    const [dana, car, room, zoe, team] = response.body as PersonJson[];
    expect(dana).toEqual({
      id: ids.dana,
      objectType: 'user',
      names: [{ displayName: 'Dana Partner', type: 'default' }],
      emailAddresses: [{ value: 'dana@twake.test', type: 'Work' }],
      phoneNumbers: [],
      photos: [{ url: `${selfUrl}/api/avatars?email=dana@twake.test`, type: 'default' }],
    });
    expect(room!.photos).toEqual([{ url: `${selfUrl}/images/icon/meeting-room.svg`, type: 'default' }]);
    expect(room!.emailAddresses).toEqual([{ value: `${ids.partRoom}@twake.test`, type: 'default' }]);
    expect(car).not.toHaveProperty('photos');
    expect(zoe).toMatchObject({
      objectType: 'contact',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      emailAddresses: [{ value: 'zoe@partner.test', type: 'Work' }],
      photos: [{ url: `${selfUrl}/api/avatars?email=zoe@partner.test`, type: 'default' }],
    });
    expect(team).toEqual({
      id: ids.team,
      objectType: 'team-calendar',
      names: [{ displayName: 'Partners Team', type: 'default' }],
      emailAddresses: [{ value: 'partners@twake.test', type: 'default' }],
      phoneNumbers: [],
    });
  });

  it('searches users in MongoDB when users are asked without contacts: prefix of address or names', async () => {
    const response = await search({ q: 'PA', objectTypes: ['user'], limit: 10 }).expect(200);
    expect(summary(response.body)).toEqual([
      'user:Dana Partner:dana@twake.test',
      'user:Paul Partridge:paul@twake.test',
    ]);
    const names = await search({ q: 'a', objectTypes: ['USER'], limit: 10 }).expect(200);
    expect(summary(names.body)).toEqual(['user:anna Bell:anna.b@twake.test']);
  });

  it('reports a contact that is a user as a contact when users are not asked', async () => {
    const response = await search({ q: 'dana', objectTypes: ['contact'], limit: 10 }).expect(200);
    expect(summary(response.body)).toEqual(['contact:Dana Partner:dana@twake.test']);
    const both = await search({ q: 'dana', objectTypes: ['contact', 'user'], limit: 10 }).expect(200);
    expect((both.body as PersonJson[]).map((person) => [person.objectType, person.id])).toEqual([
      ['user', ids.dana],
    ]);
  });

  it('only searches the caller contacts and domain', async () => {
    const response = await search({ q: 'yann', objectTypes: ['contact'], limit: 10 }).expect(200);
    expect(response.body).toEqual([]);
    const bob = await search(
      { q: 'yann', objectTypes: ['contact'], limit: 10 },
      basic('bob@twake.test', 'bob-secret'),
    );
    expect(summary(bob.body)).toEqual(['contact:Yann Partner:yann@partner.test']);
  });

  it('keeps resources and team calendars to the caller domain, deleted resources out', async () => {
    const resources = await search({ q: 'partner', objectTypes: ['resource'], limit: 10 }).expect(200);
    expect(summary(resources.body)).toEqual([
      `resource:Car for partners:${ids.car}@twake.test`,
      `resource:Partner room:${ids.partRoom}@twake.test`,
    ]);
    const carol = await search(
      { q: 'partner', objectTypes: ['resource', 'team-calendar'], limit: 10 },
      CAROL,
    );
    expect(summary(carol.body)).toEqual([`resource:Partner desk:${ids.elsewhere}@demo.test`]);
    const team = await search({ q: 'PARTNERS@twake', objectTypes: ['team-calendar'], limit: 10 }).expect(200);
    expect(summary(team.body)).toEqual(['team-calendar:Partners Team:partners@twake.test']);
  });

  it('truncates the merged, ranked result to the limit', async () => {
    const response = await search({
      q: 'partner',
      objectTypes: ['resource', 'team-calendar', 'contact', 'user'],
      limit: 2,
    });
    expect(summary(response.body)).toEqual([
      'user:Dana Partner:dana@twake.test',
      `resource:Car for partners:${ids.car}@twake.test`,
    ]);
  });

  it('ignores unknown types (all unknown = every type) and unknown fields; q may be omitted', async () => {
    const response = await search({
      q: 'partners',
      objectTypes: ['group', 'ldap'],
      limit: 10,
      extra: 1,
    }).expect(200);
    expect(summary(response.body)).toContain('team-calendar:Partners Team:partners@twake.test');
    const all = await search({ objectTypes: ['resource'], limit: 256 }).expect(200);
    expect((all.body as PersonJson[]).length).toBeGreaterThanOrEqual(2);
    // objectTypes absent: every type (the original fails with 500, a documented deviation).
    await search({ q: 'partners', limit: 5 }).expect(200);
  });

  it('applies the limited and disabled user search modes, from configuration then from domain settings', async () => {
    const carolSearch = (q: string) => search({ q, objectTypes: ['user'], limit: 10 }, CAROL);
    expect((await carolSearch('dora')).body).toEqual([]);
    expect(summary((await carolSearch('Dora@demo.test')).body)).toEqual(['user:Dora Partner:dora@demo.test']);

    const settings = service.database.db.collection('domain_settings');
    await settings.insertOne({ domain: 'twake.test', userSearchMode: 'DISABLED' });
    expect((await search({ q: 'paul', objectTypes: ['user'], limit: 10 })).body).toEqual([]);
    const contacts = await search({ q: 'dana', objectTypes: ['contact', 'user'], limit: 10 });
    expect((contacts.body as PersonJson[]).map((person) => person.objectType)).toEqual(['contact']);
    await settings.updateOne({ domain: 'twake.test' }, { $set: { userSearchMode: 'limited' } });
    expect((await search({ q: 'paul', objectTypes: ['user'], limit: 10 })).body).toEqual([]);
    expect(summary((await search({ q: 'paul@twake.test', objectTypes: ['user'], limit: 10 })).body)).toEqual([
      'user:Paul Partridge:paul@twake.test',
    ]);
    await settings.deleteOne({ domain: 'twake.test' });
  });

  describe('validation', () => {
    it.each([
      [{ q: 'a', objectTypes: [] }, 'limit is required'],
      [{ q: 'a', limit: 0 }, 'Limit must be greater than 0'],
      [{ q: 'a', limit: -3 }, 'Limit must be greater than 0'],
      [{ q: 'a', limit: 257 }, 'Maximum limit allowed: 256, but got: 257'],
      [{ q: 'a', limit: '10' }, 'limit must be an integer'],
      [{ q: 'a', limit: 1.5 }, 'limit must be an integer'],
      [{ q: 3, limit: 1 }, 'q must be a string'],
      [{ q: 'a', limit: 1, objectTypes: 'user' }, 'objectTypes must be an array'],
      [[{ q: 'a', limit: 1 }], 'Expecting a JSON object'],
    ])('answers 400 for %j', async (body, details) => {
      const response = await search(body).expect(400);
      expect(response.body).toEqual({
        error: { code: 400, type: 'BadRequest', message: 'Bad Request', details },
      });
    });

    it('answers 400 for a body that is not JSON, 401 without credentials', async () => {
      await api()
        .post('/api/people/search')
        .set('Authorization', ALICE)
        .set('Content-Type', 'text/plain')
        .send('{"q":"a","limit":1}')
        .expect(400);
      await api().post('/api/people/search').send({ q: 'a', limit: 1 }).expect(401);
    });
  });
});
