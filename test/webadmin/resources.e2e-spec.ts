import { ObjectId } from 'mongodb';
import request from 'supertest';
import {
  DavTestEnvironment,
  basic,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const DOMAIN = 'twake.test';
const ALICE = 'alice@twake.test';
const BOB = 'bob@twake.test';
const CAROL = 'carol@twake.test';
const DAN = 'dan@twake.test';

describe('webadmin /domains/{domain}/resources (webadmin.md §8, dav.md §5.5)', () => {
  let env: DavTestEnvironment;
  const ids: Record<string, string> = {};
  const admin = () => env.service.admin();
  const resources = () => env.service.database.db.collection('resources');
  const calendarOf = (id: string) => `/calendars/${id}/${id}`;
  /** Sharees stored on the resource calendar in Radicale (through the double's sharing emulation). */
  const sharees = async (id: string) =>
    (await env.dav.sharing.invites(calendarOf(id))).map((invite) => `${invite.href}=${invite.access}`).sort();
  const create = (body: Record<string, unknown>, domain = DOMAIN) =>
    admin().post(`/domains/${domain}/resources`).send(body);
  const idFrom = (location: string) => location.split('/').pop()!;

  beforeAll(async () => {
    env = await startDavTestEnvironment({ DOMAINS: `${DOMAIN},other.test`, BASIC_AUTH_ENABLED: 'true' });
    for (const email of [ALICE, BOB, CAROL, DAN]) ids[email] = await seedUser(env.service, email, DOMAIN);
    ids.eve = await seedUser(env.service, 'eve@other.test', 'other.test');
  });
  afterAll(() => env?.close());

  it('creates a resource: document, calendar named after it, administrators shared, Location', async () => {
    const response = await create({
      name: 'Room 4',
      description: 'Fourth floor',
      icon: 'meeting-room',
      creator: ALICE,
      administrators: [{ email: BOB }, { email: 'CAROL@twake.test', davRight: 'dav:administration' }],
    }).expect(201);
    expect(response.text).toBe('');
    const id = idFrom(response.headers.location!);
    expect(response.headers.location).toBe(`/domains/${DOMAIN}/resources/${id}`);
    ids.room = id;

    const document = await resources().findOne({ _id: new ObjectId(id) });
    expect(document).toEqual({
      _id: new ObjectId(id),
      creator: new ObjectId(ids[ALICE]),
      deleted: false,
      description: 'Fourth floor',
      domain: expect.any(ObjectId),
      icon: 'meeting-room',
      name: 'Room 4',
      timestamps: { creation: expect.any(Date), updatedAt: expect.any(Date) },
      type: 'resource',
    });
    // the DAV side, read straight from Radicale
    const [calendar] = (await env.dav.store.propfind(`${calendarOf(id)}/`, '0', '<D:displayname/>'))!;
    expect(calendar!.props.get('displayname')).toBe('Room 4');
    expect(await sharees(id)).toEqual([`mailto:${BOB}=3`, `mailto:${CAROL}=5`]);
    const created = env.dav.sharing.published.filter(
      (message) => message.exchange === 'calendar:calendar:created',
    );
    expect(created.map((message) => message.body.calendarProps)).toEqual([
      { access: 'dav:read-write' },
      { access: 'dav:administration' },
    ]);
    // the sharing request itself: technical token of the domain, one right per sharee
    const share = env.dav.seen.find(
      (seen) => seen.method === 'POST' && seen.url === `${calendarOf(id)}.json`,
    );
    expect(share?.principal).toMatchObject({ kind: 'technical', domain: DOMAIN });
    expect(share?.headers['content-type']).toBe('application/json;charset=UTF-8');
    // each administrator sees the resource calendar in their home, delegated from the resource's
    const bobHome = await fetch(`${env.dav.url}/calendars/${ids[BOB]}.json?withRights=true`, {
      headers: {
        accept: 'application/json',
        authorization: basic(`${process.env.DAV_ADMIN_USER}&${BOB}`, process.env.DAV_ADMIN_PASSWORD!),
      },
    });
    const listed = ((await bobHome.json()) as { _embedded: { 'dav:calendar': Record<string, unknown>[] } })
      ._embedded['dav:calendar'];
    expect(listed.find((entry) => entry['calendarserver:delegatedsource'])).toMatchObject({
      'dav:name': 'Room 4',
      'calendarserver:delegatedsource': `${calendarOf(id)}.json`,
    });

    await admin()
      .get(`/domains/${DOMAIN}/resources/${id}`)
      .expect(200, {
        id,
        name: 'Room 4',
        description: 'Fourth floor',
        icon: 'meeting-room',
        domain: DOMAIN,
        deleted: false,
        creator: ALICE,
        administrators: [
          { email: BOB, davRight: 'dav:read-write' },
          { email: CAROL, davRight: 'dav:administration' },
        ],
      });
  });

  it('creates an auto-accepting resource without administrators, with no DAV request', async () => {
    const before = env.dav.seen.length;
    const response = await create({ name: 'Projector', icon: 'projector', creator: BOB }).expect(201);
    ids.projector = idFrom(response.headers.location!);
    expect(env.dav.seen.slice(before).filter((seen) => seen.method === 'POST')).toEqual([]);
    const shown = await admin().get(`/domains/${DOMAIN}/resources/${ids.projector}`).expect(200);
    expect(shown.body).toMatchObject({ description: '', administrators: [], creator: BOB });
  });

  it('lists the resources of the domain and people search sees them at once', async () => {
    const list = await admin().get(`/domains/${DOMAIN}/resources`).expect(200);
    expect(list.body.map((resource: { name: string }) => resource.name)).toEqual(['Room 4', 'Projector']);
    await admin().get('/domains/other.test/resources').expect(200, []);
    const found = await request(env.service.api.getHttpServer())
      .post('/api/people/search')
      .set('Authorization', basic(ALICE, 'alice-secret'))
      .send({ q: 'room 4', objectTypes: ['resource'], limit: 10 })
      .expect(200);
    expect(found.body.map((person: { id: string }) => person.id)).toEqual([ids.room]);
  });

  it('updates fields and replaces the administrators: changed right set, missing ones revoked', async () => {
    await resources().updateOne(
      { _id: new ObjectId(ids.room) },
      { $set: { administrators: [{ id: 'legacy', objectType: 'user' }] } },
    );
    await admin()
      .patch(`/domains/${DOMAIN}/resources/${ids.room}`)
      .send({
        name: 'Room 4 (large)',
        id: 'ignored',
        domain: 'ignored',
        creator: 'ignored',
        administrators: [
          { email: CAROL, davRight: 'dav:read-write' },
          { email: DAN, davRight: 'dav:administration' },
        ],
      })
      .expect(204);
    expect(await sharees(ids.room!)).toEqual([`mailto:${CAROL}=3`, `mailto:${DAN}=5`]);
    const document = await resources().findOne({ _id: new ObjectId(ids.room) });
    expect(document).toMatchObject({ name: 'Room 4 (large)', description: 'Fourth floor' });
    expect(document!.administrators).toBeUndefined();
    expect(document!.timestamps.updatedAt.getTime()).toBeGreaterThan(
      document!.timestamps.creation.getTime() - 1,
    );

    // absent administrators: untouched; the same list again: no DAV request
    await admin().patch(`/domains/${DOMAIN}/resources/${ids.room}`).send({ icon: 'tv' }).expect(204);
    const before = env.dav.seen.length;
    await admin()
      .patch(`/domains/${DOMAIN}/resources/${ids.room}`)
      .send({ administrators: [{ email: DAN, davRight: 'dav:administration' }, { email: CAROL }] })
      .expect(204);
    expect(env.dav.seen.slice(before).filter((seen) => seen.method === 'POST')).toEqual([]);
    expect(await sharees(ids.room!)).toEqual([`mailto:${CAROL}=3`, `mailto:${DAN}=5`]);
    const shown = await admin().get(`/domains/${DOMAIN}/resources/${ids.room}`).expect(200);
    expect(shown.body).toMatchObject({ name: 'Room 4 (large)', icon: 'tv' });
    const found = await request(env.service.api.getHttpServer())
      .post('/api/people/search')
      .set('Authorization', basic(ALICE, 'alice-secret'))
      .send({ q: 'large', objectTypes: ['resource'], limit: 10 })
      .expect(200);
    expect(found.body).toMatchObject([{ id: ids.room, names: [{ displayName: 'Room 4 (large)' }] }]);
  });

  it('answers the errors of webadmin.md §1.3 and §8, leaving nothing half-applied', async () => {
    const count = await resources().countDocuments();
    const invalidJson = {
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'JSON payload of the request is not valid',
    };
    const bad = await admin().get('/domains/bad..domain/resources').expect(400);
    expect(bad.body).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'Invalid domain: bad..domain',
      details: null,
    });
    const unknown = await admin().get('/domains/nowhere.test/resources').expect(404);
    expect(unknown.body).toMatchObject({ type: 'notFound', message: 'Domain not found: nowhere.test' });
    await create({ name: 'X', icon: 'tv', creator: ALICE }, 'nowhere.test').expect(404);
    for (const id of ['not-an-id', new ObjectId().toHexString()]) {
      const missing = await admin().get(`/domains/${DOMAIN}/resources/${id}`).expect(404);
      expect(missing.body).toMatchObject({ type: 'notFound', message: 'Resource does not exist' });
      await admin().patch(`/domains/${DOMAIN}/resources/${id}`).send({ name: 'x' }).expect(404);
      await admin().delete(`/domains/${DOMAIN}/resources/${id}`).expect(404);
    }
    // another domain's resource
    await admin().get(`/domains/other.test/resources/${ids.room}`).expect(404);
    await admin().delete(`/domains/other.test/resources/${ids.room}`).expect(404);

    const unknownCreator = await create({ name: 'X', icon: 'tv', creator: 'ghost@twake.test' }).expect(400);
    expect(unknownCreator.body).toMatchObject({
      type: 'InvalidArgument',
      message: "Username 'ghost@twake.test' must exist",
    });
    const unknownAdmin = await create({
      name: 'X',
      icon: 'tv',
      creator: ALICE,
      administrators: [{ email: BOB }, { email: 'ghost@twake.test' }],
    }).expect(400);
    expect(unknownAdmin.body.message).toBe("Username 'ghost@twake.test' must exist");
    const readRight = await create({
      name: 'X',
      icon: 'tv',
      creator: ALICE,
      administrators: [{ email: BOB, davRight: 'dav:read' }],
    }).expect(400);
    expect(readRight.body).toMatchObject({
      type: 'InvalidArgument',
      message: 'Unsupported DAV right: dav:read',
    });
    for (const body of [
      { name: 'X', icon: 'tv', creator: ALICE, id: new ObjectId().toHexString() },
      { name: 'X', icon: 'tv', creator: ALICE, deleted: false },
      { icon: 'tv', creator: ALICE },
      { name: 'X', icon: 'tv' },
      { name: 'X', icon: 'tv', creator: ALICE, administrators: [{ email: BOB, extra: 1 }] },
      { name: 42, icon: 'tv', creator: ALICE },
      { name: null, icon: 'tv', creator: ALICE },
      { name: 'X', icon: 'tv', creator: ALICE, administrators: 'bob' },
      { name: 'X', icon: 'tv', creator: ALICE, administrators: null },
      { name: 'X', icon: 'tv', creator: ALICE, administrators: ['bob'] },
      { name: 'X', icon: 'tv', creator: ALICE, administrators: [{ davRight: 'dav:read-write' }] },
      { name: 'X', icon: 'tv', creator: ALICE, description: 3 },
    ])
      expect((await create(body).expect(400)).body).toMatchObject(invalidJson);
    const malformed = await admin()
      .post(`/domains/${DOMAIN}/resources`)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ type: 'InvalidArgument' });
    const invalidValue = {
      type: 'InvalidArgument',
      message: 'Invalid arguments supplied in the user request',
    };
    expect((await create({ name: ' ', icon: 'tv', creator: ALICE }).expect(400)).body).toMatchObject(
      invalidValue,
    );
    expect((await create({ name: 'X', icon: '../etc', creator: ALICE }).expect(400)).body).toMatchObject(
      invalidValue,
    );
    expect(
      (await create({ name: 'X', icon: 'tv', creator: 'not an address' }).expect(400)).body,
    ).toMatchObject({
      type: 'InvalidArgument',
      message: 'Invalid username: not an address',
    });
    expect(await resources().countDocuments()).toBe(count);

    // PATCH: an unknown administrator changes nothing, neither the name nor the sharees
    const patch = await admin()
      .patch(`/domains/${DOMAIN}/resources/${ids.room}`)
      .send({ name: 'Renamed', administrators: [{ email: 'ghost@twake.test' }] })
      .expect(400);
    expect(patch.body.message).toBe("Username 'ghost@twake.test' must exist");
    const patchMessage = async (body: object) =>
      (await admin().patch(`/domains/${DOMAIN}/resources/${ids.room}`).send(body).expect(400)).body.message;
    for (const body of [{ nickname: 'x' }, { name: 5 }, { administrators: {} }])
      expect(await patchMessage(body)).toBe('JSON payload of the request is not valid');
    for (const body of [{ name: '  ' }, { icon: 'a b' }])
      expect(await patchMessage(body)).toBe('Invalid arguments supplied in the user request');
    expect((await resources().findOne({ _id: new ObjectId(ids.room) }))!.name).toBe('Room 4 (large)');
    expect(await sharees(ids.room!)).toEqual([`mailto:${CAROL}=3`, `mailto:${DAN}=5`]);
  });

  it('rolls a creation back when the DAV server refuses the administrators', async () => {
    const count = await resources().countDocuments();
    env.dav.failures.set('/calendars/', 500);
    try {
      const failed = await create({
        name: 'Doomed room',
        icon: 'tv',
        creator: ALICE,
        administrators: [{ email: BOB }],
      }).expect(502);
      expect(failed.body).toMatchObject({ statusCode: 502, type: 'ServerError' });
      expect(JSON.stringify(failed.body)).not.toContain('admin-secret');
      // deleting while the DAV server fails keeps the resource
      await admin().delete(`/domains/${DOMAIN}/resources/${ids.room}`).expect(502);
    } finally {
      env.dav.failures.clear();
    }
    expect(await resources().countDocuments()).toBe(count);
    expect(await resources().findOne({ name: 'Doomed room' })).toBeNull();
    expect((await resources().findOne({ _id: new ObjectId(ids.room) }))!.deleted).toBe(false);
  });

  it('deletes: administrators revoked on DAV, then soft-deleted; still readable, gone from people search', async () => {
    await admin().delete(`/domains/${DOMAIN}/resources/${ids.room}`).expect(204);
    expect(await sharees(ids.room!)).toEqual([]);
    expect((await resources().findOne({ _id: new ObjectId(ids.room) }))!.deleted).toBe(true);
    const shown = await admin().get(`/domains/${DOMAIN}/resources/${ids.room}`).expect(200);
    expect(shown.body).toMatchObject({ deleted: true, administrators: [] });
    const list = await admin().get(`/domains/${DOMAIN}/resources`).expect(200);
    expect(list.body.map((resource: { deleted: boolean }) => resource.deleted)).toEqual([true, false]);
    await admin().delete(`/domains/${DOMAIN}/resources/${ids.room}`).expect(404);
    await admin().patch(`/domains/${DOMAIN}/resources/${ids.room}`).send({ name: 'back' }).expect(404);
    const found = await request(env.service.api.getHttpServer())
      .post('/api/people/search')
      .set('Authorization', basic(ALICE, 'alice-secret'))
      .send({ q: 'room 4', objectTypes: ['resource'], limit: 10 })
      .expect(200);
    expect(found.body).toEqual([]);
  });

  it('leaves out resources whose creator no longer exists', async () => {
    await env.service.database.db.collection('users').deleteOne({ _id: new ObjectId(ids[BOB]) });
    await admin().get(`/domains/${DOMAIN}/resources/${ids.projector}`).expect(404);
    const list = await admin().get(`/domains/${DOMAIN}/resources`).expect(200);
    expect(list.body.map((resource: { id: string }) => resource.id)).toEqual([ids.room]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const document = await admin().get('/openapi.json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/domains/{domain}/resources']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/domains/{domain}/resources/{id}']!).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
  });
});
