import { OpenApiDocument, jsonBodyRef } from '../support/openapi-document';
import { DavTestEnvironment, startDavTestEnvironment } from '../doubles/esn-sabre/dav-test-environment';

describe('webadmin user calendars and address books (§10)', () => {
  let env: DavTestEnvironment;
  const DOMAIN = 'collections.test';
  const USER = `uma@${DOMAIN}`;
  let userId: string;
  const admin = () => env.service.admin();
  const calendarProps = async (calendarId: string) =>
    (
      await env.dav.store.propfind(
        `/calendars/${userId}/${calendarId}/`,
        '0',
        '<D:displayname/><A:calendar-color/><E:public-right/>',
      )
    )?.[0]?.props;

  beforeAll(async () => {
    env = await startDavTestEnvironment({ DOMAINS: DOMAIN });
    for (const email of [USER, `bob@${DOMAIN}`])
      await admin().post('/registeredUsers').send({ email, firstname: 'F', lastname: 'L' }).expect(201);
    userId = (await env.service.database.db.collection('users').findOne({ email: USER }))!._id.toHexString();
  });
  afterAll(() => env?.close());

  it('calendars: create, list, patch, publish, share and delete through DAV as the user', async () => {
    const created = await admin()
      .post(`/users/${USER}/calendars`)
      .send({ id: 'projects', 'dav:name': 'Projects', 'apple:color': '#3F51B5' })
      .expect(201);
    expect(created.body).toEqual({ id: 'projects' });
    const seen = env.dav.seen.find(
      (request) => request.method === 'POST' && request.url === `/calendars/${userId}.json`,
    );
    expect(seen?.principal).toMatchObject({ kind: 'user', email: USER });
    const generated = await admin()
      .post(`/users/${USER}/calendars`)
      .send({ 'dav:name': 'Generated' })
      .expect(201);
    expect(generated.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const listing = await admin().get(`/users/${USER}/calendars`).expect(200);
    expect(listing.headers['content-type']).toBe('application/json; charset=utf-8');
    const hrefs = listing.body._embedded['dav:calendar'].map(
      (calendar: { _links: { self: { href: string } } }) => calendar._links.self.href,
    );
    expect(hrefs).toEqual(
      expect.arrayContaining([`/calendars/${userId}/${userId}.json`, `/calendars/${userId}/projects.json`]),
    );

    await admin().patch(`/users/${USER}/calendars/projects`).send({ 'dav:name': 'Big projects' }).expect(204);
    expect((await calendarProps('projects'))?.get('displayname')).toBe('Big projects');
    await admin()
      .post(`/users/${USER}/calendars/projects/publicRight`)
      .send({ public_right: '{DAV:}read' })
      .expect(204);
    expect((await calendarProps('projects'))?.get('public-right')).toBe('{DAV:}read');
    await admin()
      .post(`/users/${USER}/calendars/projects/invitee`)
      .send({ share: { set: [{ 'dav:href': `mailto:bob@${DOMAIN}`, 'dav:read': true }] } })
      .expect(204);
    const shared = await admin().get(`/users/${USER}/calendars`).expect(200);
    const projects = shared.body._embedded['dav:calendar'].find(
      (calendar: { _links: { self: { href: string } } }) =>
        calendar._links.self.href === `/calendars/${userId}/projects.json`,
    );
    expect(projects.invite).toEqual(
      expect.arrayContaining([expect.objectContaining({ href: `mailto:bob@${DOMAIN}`, access: 2 })]),
    );

    await admin().delete(`/users/${USER}/calendars/projects`).expect(204);
    expect(await calendarProps('projects')).toBeUndefined();
    expect((await admin().delete(`/users/${USER}/calendars/projects`).expect(404)).body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'Calendar does not exist',
      details: null,
    });
  });

  it('address books: create, list, publish, share, delete; system books are refused', async () => {
    expect(
      (
        await admin()
          .post(`/users/${USER}/addressbooks`)
          .send({ id: 'suppliers', 'dav:name': 'Suppliers' })
          .expect(201)
      ).body,
    ).toEqual({ id: 'suppliers' });
    const listing = await admin().get(`/users/${USER}/addressbooks`).expect(200);
    const books = listing.body._embedded['dav:addressbook'] as {
      _links: { self: { href: string } };
      type: string;
      'dav:acl': string[];
    }[];
    expect(
      books.find((book) => book._links.self.href === `/addressbooks/${userId}/suppliers.json`),
    ).toMatchObject({
      type: 'user',
      'dav:acl': ['dav:read', 'dav:write'],
    });
    expect(
      books.find((book) => book._links.self.href === `/addressbooks/${userId}/contacts.json`),
    ).toMatchObject({ type: '' });

    await admin()
      .post(`/users/${USER}/addressbooks/suppliers/publicRight`)
      .send({ public_right: '{DAV:}read' })
      .expect(204);
    expect(await env.dav.addressBooks.bookState(userId, 'suppliers')).toMatchObject({
      publicRight: '{DAV:}read',
    });
    await admin()
      .post(`/users/${USER}/addressbooks/suppliers/publicRight`)
      .send({ public_right: '' })
      .expect(204);
    expect((await env.dav.addressBooks.bookState(userId, 'suppliers')).publicRight ?? '').toBe('');
    const sharee = { 'dav:href': `mailto:bob@${DOMAIN}`, 'dav:share-access': 3 };
    await admin()
      .post(`/users/${USER}/addressbooks/suppliers/invitee`)
      .send({ 'dav:sharee': [sharee] })
      .expect(204);
    expect((await env.dav.addressBooks.bookState(userId, 'suppliers')).sharees).toEqual({
      'dav:sharee': [sharee],
    });

    expect((await admin().delete(`/users/${USER}/addressbooks/contacts`).expect(400)).body).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'Cannot delete system address book',
      details: null,
    });
    await admin().delete(`/users/${USER}/addressbooks/suppliers`).expect(204);
    expect((await admin().delete(`/users/${USER}/addressbooks/suppliers`).expect(404)).body.message).toBe(
      'Address book does not exist',
    );
    await admin()
      .post(`/users/${USER}/addressbooks/nothing/publicRight`)
      .send({ public_right: '' })
      .expect(404);
  });

  it('answers the errors of §10', async () => {
    expect((await admin().get('/users/not-an-email/calendars').expect(400)).body.message).toBe(
      'Invalid username: not-an-email',
    );
    expect((await admin().get(`/users/nobody@${DOMAIN}/calendars`).expect(404)).body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'User does not exist',
      details: null,
    });
    await admin().get(`/users/nobody@${DOMAIN}/addressbooks`).expect(404);
    const invalid = async (request: ReturnType<ReturnType<typeof admin>['post']>) =>
      expect((await request.expect(400)).body.message).toMatch(/^Invalid request body: /);
    await invalid(admin().post(`/users/${USER}/calendars`).send({ 'dav:name': ' ' }));
    await invalid(admin().post(`/users/${USER}/calendars`).send({ 'dav:name': 'x', other: 'y' }));
    await invalid(admin().post(`/users/${USER}/addressbooks`).send({ id: '../x', 'dav:name': 'x' }));
    await invalid(admin().patch(`/users/${USER}/calendars/${userId}`).send({}));
    await invalid(
      admin().post(`/users/${USER}/calendars/${userId}/publicRight`).send({ public_right: '{DAV:}write' }),
    );
    await invalid(
      admin()
        .post(`/users/${USER}/addressbooks/contacts/invitee`)
        .send({ 'dav:sharee': [{ 'dav:href': 'bob', 'dav:share-access': 3 }] }),
    );
    await invalid(
      admin()
        .post(`/users/${USER}/calendars/${userId}/invitee`)
        .send({ share: { set: [{ 'dav:href': 'x' }] } }),
    );
    env.dav.failures.set(`/calendars/${userId}.json`, 500);
    try {
      expect((await admin().get(`/users/${USER}/calendars`).expect(500)).body).toMatchObject({
        type: 'ServerError',
        message: 'Error while calling the DAV server',
      });
    } finally {
      env.dav.failures.delete(`/calendars/${userId}.json`);
    }
  });
  it('answers each refusal of a body as Invalid request body: <reason>, before any DAV call', async () => {
    const reason = async (request: ReturnType<ReturnType<typeof admin>['post']>) => {
      const body = (await request.expect(400)).body as Record<string, unknown>;
      expect(body).toMatchObject({ statusCode: 400, type: 'InvalidArgument', details: null });
      expect(body.message).toMatch(/^Invalid request body: /);
      return (body.message as string).slice('Invalid request body: '.length);
    };
    const calendars = `/users/${USER}/calendars`;
    const calendar = `${calendars}/${userId}`;
    const books = `/users/${USER}/addressbooks`;
    const seenBefore = env.dav.seen.length;
    expect(await reason(admin().post(calendars).send({ 'apple:color': '#000' }))).toBe(
      "'dav:name' is required and must not be blank",
    );
    expect(await reason(admin().post(calendars).send({ 'dav:name': 5 }))).toBe(
      "'dav:name' is required and must not be blank",
    );
    expect(await reason(admin().post(calendars).send({ 'dav:name': 'x', 'apple:color': null }))).toBe(
      "'apple:color' must be a string",
    );
    expect(await reason(admin().post(calendars).send({ id: '..', 'dav:name': 'x' }))).toBe('invalid id: ..');
    expect(await reason(admin().post(calendars).send({ id: 7, 'dav:name': 'x' }))).toBe(
      "'id' must be a string",
    );
    expect(await reason(admin().post(calendars).send(['dav:name']))).toBe('Expecting a JSON object');
    expect(
      await reason(admin().post(calendars).set('Content-Type', 'application/json').send('{"dav:name": ')),
    ).toBe('Invalid JSON body');
    expect(await reason(admin().patch(calendar).send({ 'dav:name': 'x', color: 'red' }))).toBe(
      'property color should not exist',
    );
    expect(await reason(admin().patch(calendar).send({ 'caldav:description': false }))).toBe(
      "'caldav:description' must be a string",
    );
    expect(await reason(admin().patch(calendar).send({}))).toBe('at least one property is expected');
    const publicRightExpected = '{"public_right": "{DAV:}read"} or {"public_right": ""} is expected';
    for (const body of [{}, { public_right: null }, { public_right: '{DAV:}write' }])
      expect(await reason(admin().post(`${calendar}/publicRight`).send(body))).toBe(publicRightExpected);
    expect(
      await reason(admin().post(`${calendar}/publicRight`).send({ public_right: '{DAV:}read', other: 1 })),
    ).toBe('property other should not exist');
    expect(await reason(admin().post(`${books}/contacts/publicRight`).send({ public_right: 'yes' }))).toBe(
      publicRightExpected,
    );
    expect(await reason(admin().post(books).send({ 'dav:name': 'x', 'apple:color': '#000' }))).toBe(
      'property apple:color should not exist',
    );
    const invitee = `${books}/contacts/invitee`;
    expect(await reason(admin().post(invitee).send({}))).toBe("'dav:sharee' must be an array");
    expect(await reason(admin().post(invitee).send({ 'dav:sharee': 'bob' }))).toBe(
      "'dav:sharee' must be an array",
    );
    expect(
      await reason(
        admin()
          .post(invitee)
          .send({ 'dav:sharee': [{ 'dav:href': `mailto:bob@${DOMAIN}`, 'dav:share-access': '3' }] }),
      ),
    ).toBe("'dav:share-access' must be 2, 3, 4 or 5");
    expect(
      await reason(
        admin()
          .post(invitee)
          .send({ 'dav:sharee': [{ 'dav:share-access': 3 }] }),
      ),
    ).toBe("each sharee needs a 'dav:href' mailto: address");
    expect(await reason(admin().post(`${calendar}/invitee`).send({}))).toBe(
      "'share' is required and must be an object",
    );
    expect(
      await reason(
        admin()
          .post(`${calendar}/invitee`)
          .send({ share: { set: [{ 'dav:href': `mailto:bob@${DOMAIN}` }] } }),
      ),
    ).toBe('exactly one of dav:read, dav:read-write, dav:administration must be true');
    expect(
      await reason(
        admin()
          .post(`${calendar}/invitee`)
          .send({ share: { set: [] }, set: [] }),
      ),
    ).toBe('property set should not exist');
    // Refused by the pipe: the DAV server never heard of them.
    expect(env.dav.seen.slice(seenBefore).filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('creates with a trimmed id and sends the sharees without their other fields', async () => {
    await admin()
      .post(`/users/${USER}/addressbooks`)
      .send({ id: ' partners ', 'dav:name': 'Partners' })
      .expect(201, { id: 'partners' });
    const sharee = { 'dav:href': `mailto:bob@${DOMAIN}`, 'dav:share-access': 2 };
    await admin()
      .post(`/users/${USER}/addressbooks/partners/invitee`)
      .send({ 'dav:sharee': [{ ...sharee, note: 'ignored' }], other: 'ignored' })
      .expect(204);
    expect((await env.dav.addressBooks.bookState(userId, 'partners')).sharees).toEqual({
      'dav:sharee': [sharee],
    });
  });

  it('documents each body with its DTO in the OpenAPI document', async () => {
    const document = (await admin().get('/openapi.json').expect(200)).body as OpenApiDocument;
    const schema = (name: string) => `#/components/schemas/${name}`;
    expect(jsonBodyRef(document, 'post', '/users/{username}/calendars')).toBe(
      schema('UserCalendarCreationRequestDto'),
    );
    expect(jsonBodyRef(document, 'patch', '/users/{username}/calendars/{calendarId}')).toBe(
      schema('UserCalendarChangeRequestDto'),
    );
    expect(jsonBodyRef(document, 'post', '/users/{username}/calendars/{calendarId}/publicRight')).toBe(
      schema('PublicRightRequestDto'),
    );
    expect(jsonBodyRef(document, 'post', '/users/{username}/addressbooks')).toBe(
      schema('UserAddressBookCreationRequestDto'),
    );
    expect(jsonBodyRef(document, 'post', '/users/{username}/addressbooks/{bookId}/publicRight')).toBe(
      schema('PublicRightRequestDto'),
    );
    expect(jsonBodyRef(document, 'post', '/users/{username}/addressbooks/{bookId}/invitee')).toBe(
      schema('AddressBookShareRequestDto'),
    );
    expect(jsonBodyRef(document, 'post', '/users/{username}/calendars/{calendarId}/invitee')).toBe(
      schema('UserCalendarShareRequestDto'),
    );
    const schemas = document.components.schemas;
    expect(schemas.UserCalendarCreationRequestDto).toMatchObject({
      required: ['dav:name'],
      properties: {
        id: { type: 'string' },
        'dav:name': { type: 'string' },
        'apple:color': { type: 'string' },
      },
    });
    expect(schemas.PublicRightRequestDto?.properties?.public_right).toMatchObject({
      enum: ['{DAV:}read', ''],
    });
    expect(schemas.AddressBookShareRequestDto?.properties?.['dav:sharee']).toMatchObject({
      type: 'array',
      items: { $ref: schema('AddressBookShareeDto') },
    });
    expect(schemas.AddressBookShareeDto?.properties?.['dav:share-access']).toMatchObject({
      enum: [2, 3, 4, 5],
    });
  });
});
