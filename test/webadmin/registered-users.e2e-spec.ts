import { OpenApiDocument, queryParameters } from '../support/openapi-document';
import { ObjectId } from 'mongodb';
import { TestService, startTestService } from '../support/service-apps';

describe('webadmin /registeredUsers', () => {
  let service: TestService;
  const users = () => service.database.db.collection('users');

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'users.test,other.test' });
  });
  afterAll(() => service.close());

  const register = (body: unknown) =>
    service
      .admin()
      .post('/registeredUsers')
      .send(body as object);

  it('registers a user as an OpenPaaS document and lists it', async () => {
    await register({ email: 'Ana.Moreau@Users.test', firstname: 'Ana Lucia', lastname: 'Moreau' })
      .expect(201)
      .expect('');
    const domain = await service.database.db.collection('domains').findOne({ name: 'users.test' });
    const document = await users().findOne({ email: 'ana.moreau@users.test' });
    expect(document).toEqual({
      _id: expect.any(ObjectId),
      firstname: 'Ana Lucia',
      lastname: 'Moreau',
      firstnames: ['Ana', 'Lucia'],
      password: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'ana.moreau@users.test',
      domains: [{ domain_id: domain!._id }],
      accounts: [{ type: 'email', emails: ['ana.moreau@users.test'] }],
    });
    expect(document!.domains[0].domain_id).toBeInstanceOf(ObjectId);

    const list = await service.admin().get('/registeredUsers').expect(200);
    expect(list.body).toContainEqual({
      email: 'ana.moreau@users.test',
      firstname: 'Ana Lucia',
      lastname: 'Moreau',
      id: document!._id.toHexString(),
    });
    const one = await service
      .admin()
      .get('/registeredUsers')
      .query({ email: 'ANA.MOREAU@users.test' })
      .expect(200);
    expect(one.body).toEqual({
      email: 'ana.moreau@users.test',
      firstname: 'Ana Lucia',
      lastname: 'Moreau',
      id: document!._id.toHexString(),
    });
  });

  it('tolerates and ignores an id field', async () => {
    await register({ id: 'whatever', email: 'with.id@users.test', firstname: 'W', lastname: 'Id' }).expect(
      201,
    );
    const document = await users().findOne({ email: 'with.id@users.test' });
    expect(document!._id.toHexString()).not.toBe('whatever');
  });

  it('answers 409 for an address already registered, without a second document', async () => {
    await register({ email: 'dup@users.test', firstname: 'D', lastname: 'Up' }).expect(201);
    const response = await register({ email: 'DUP@users.test', firstname: 'D', lastname: 'Up' }).expect(409);
    expect(response.body).toEqual({
      statusCode: 409,
      type: 'WrongState',
      message: 'dup@users.test already exists',
      details: null,
    });
    expect(await users().countDocuments({ email: 'dup@users.test' })).toBe(1);
  });

  it('answers 409 for an address held by a legacy document without the email field', async () => {
    await users().insertOne({
      firstname: 'Old',
      lastname: 'Timer',
      accounts: [{ type: 'email', hosted: true, emails: ['legacy@users.test'] }],
      schemaVersion: 2,
    });
    await register({ email: 'legacy@users.test', firstname: 'New', lastname: 'Comer' }).expect(409);
  });

  it('answers 404 (InvalidArgument) when the domain of the address is unknown', async () => {
    const response = await register({ email: 'someone@nowhere.test', firstname: 'S', lastname: 'O' }).expect(
      404,
    );
    expect(response.body).toMatchObject({ statusCode: 404, type: 'InvalidArgument' });
    expect(await users().countDocuments({ email: 'someone@nowhere.test' })).toBe(0);
  });

  it.each([
    ['missing email', { firstname: 'A', lastname: 'B' }, 'JSON payload of the request is not valid'],
    [
      'numeric email',
      { email: 5, firstname: 'A', lastname: 'B' },
      'JSON payload of the request is not valid',
    ],
    [
      'null email',
      { email: null, firstname: 'A', lastname: 'B' },
      'JSON payload of the request is not valid',
    ],
    [
      'unknown property',
      { email: 'x@users.test', firstname: 'A', lastname: 'B', admin: true },
      'JSON payload of the request is not valid',
    ],
    ['an array body', [{ email: 'x@users.test' }], 'JSON payload of the request is not valid'],
    [
      'missing firstname',
      { email: 'x@users.test', lastname: 'B' },
      'Invalid arguments supplied in the user request',
    ],
    [
      'blank lastname',
      { email: 'x@users.test', firstname: 'A', lastname: '  ' },
      'Invalid arguments supplied in the user request',
    ],
    [
      'numeric firstname',
      { email: 'x@users.test', firstname: 3, lastname: 'B' },
      'Invalid arguments supplied in the user request',
    ],
  ])('rejects %s with 400', async (_label, body, message) => {
    const response = await register(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, type: 'InvalidArgument', message });
    expect(await users().countDocuments({ email: 'x@users.test' })).toBe(0);
  });

  it.each(['not-an-email', 'two@@users.test', 'a@b@users.test', 'nobody@', '@users.test'])(
    'rejects the invalid address %p with 400',
    async (email) => {
      const response = await register({ email, firstname: 'A', lastname: 'B' }).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, type: 'InvalidArgument' });
    },
  );

  it('rejects malformed JSON with 400 in the error format', async () => {
    const response = await service
      .admin()
      .post('/registeredUsers')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@users.test", ')
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'JSON payload of the request is not valid',
    });
  });

  it('rejects an oversized body with 413 and stores nothing', async () => {
    const response = await register({
      email: 'big@users.test',
      firstname: 'x'.repeat(2 * 1024 * 1024),
      lastname: 'B',
    }).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, type: 'InvalidArgument' });
    expect(await users().countDocuments({ email: 'big@users.test' })).toBe(0);
  });

  it('answers HEAD by email or id', async () => {
    await register({ email: 'head@users.test', firstname: 'H', lastname: 'Ead' }).expect(201);
    const id = (await users().findOne({ email: 'head@users.test' }))!._id.toHexString();
    await service.admin().head('/registeredUsers').query({ email: 'head@users.test' }).expect(200);
    await service.admin().head('/registeredUsers').query({ id }).expect(200);
    await service.admin().head('/registeredUsers').query({ email: 'absent@users.test' }).expect(404);
    await service.admin().head('/registeredUsers').query({ id: new ObjectId().toHexString() }).expect(404);
    await service.admin().head('/registeredUsers').query({ id: 'not-an-id' }).expect(400);
    await service.admin().head('/registeredUsers').expect(400);
    await service.admin().head('/registeredUsers').query({ id, email: 'head@users.test' }).expect(400);
  });

  it('refuses an action other than addMissingFields, body or not, and registers nobody', async () => {
    const body = { email: 'acting@users.test', firstname: 'A', lastname: 'Ct' };
    for (const action of ['', 'explode', ' addMissingFields'])
      expect(
        (await service.admin().post('/registeredUsers').query({ action }).send(body).expect(400)).body,
      ).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: `Invalid action: '${action}'. Supported actions are: addMissingFields`,
        details: null,
      });
    expect(await users().countDocuments({ email: 'acting@users.test' })).toBe(0);
  });

  it('answers HEAD 400 for an empty id, and with both parameters even when one is empty', async () => {
    await service.admin().head('/registeredUsers').query({ id: '' }).expect(400);
    await service
      .admin()
      .head('/registeredUsers')
      .query({ id: new ObjectId().toHexString(), email: '' })
      .expect(400);
  });

  it('documents the query parameters of each route from its DTO', async () => {
    const document = (await service.admin().get('/openapi.json').expect(200)).body as OpenApiDocument;
    const names = (method: string, path: string) => {
      const parameters = queryParameters(document, method, path);
      return Object.fromEntries(
        Object.entries(parameters).map(([name, { required }]) => [name, required ?? false]),
      );
    };
    for (const path of ['/registeredUsers', '/domains/{domain}/registeredUsers']) {
      expect(names('head', path)).toEqual({ email: false, id: false });
      expect(names('get', path)).toEqual({ email: false });
      expect(names('patch', path)).toEqual({ id: true });
      expect(names('delete', path)).toEqual({ email: true });
    }
    expect(names('post', '/registeredUsers')).toEqual({ action: false });
    expect(queryParameters(document, 'post', '/registeredUsers').action?.schema?.enum).toEqual([
      'addMissingFields',
    ]);
    expect(names('post', '/registeredUsers/tasks')).toEqual({ task: true, usersPerSecond: false });
    expect(queryParameters(document, 'post', '/registeredUsers/tasks').usersPerSecond?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      default: 100,
    });
    expect(names('post', '/addressbook/domain-members')).toEqual({
      task: true,
      ldapFilter: false,
      ignoredDomains: false,
    });
    expect(queryParameters(document, 'post', '/addressbook/domain-members').task?.schema?.enum).toEqual([
      'sync',
    ]);
    expect(names('post', '/addressbook/domain-members/{domain}')).toEqual({ task: true, ldapFilter: false });
    expect(names('delete', '/addressbook/domain-members')).toEqual({ ignoredDomains: false });
  });

  it('gets 404 for an unknown address', async () => {
    const response = await service
      .admin()
      .get('/registeredUsers')
      .query({ email: 'ghost@users.test' })
      .expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'User does not exist',
      details: null,
    });
  });

  describe('PATCH', () => {
    it('replaces address, domain and names with $set, keeping legacy fields and the password', async () => {
      const legacy = await users().insertOne({
        firstname: 'Old',
        lastname: 'Name',
        password: 'legacy-hash',
        email: 'move@users.test',
        domains: [
          {
            domain_id: (await service.database.db.collection('domains').findOne({ name: 'users.test' }))!._id,
          },
        ],
        accounts: [{ type: 'email', hosted: true, emails: ['move@users.test'] }],
        schemaVersion: 2,
        timestamps: { creation: new Date('2020-01-01T00:00:00Z') },
      });
      const id = legacy.insertedId.toHexString();
      await service
        .admin()
        .patch('/registeredUsers')
        .query({ id })
        .send({ email: 'Moved@Other.test', firstname: 'New First', lastname: 'Last' })
        .expect(204);
      const other = await service.database.db.collection('domains').findOne({ name: 'other.test' });
      const document = await users().findOne({ _id: legacy.insertedId });
      expect(document).toMatchObject({
        firstname: 'New First',
        lastname: 'Last',
        firstnames: ['New', 'First'],
        email: 'moved@other.test',
        password: 'legacy-hash',
        schemaVersion: 2,
        timestamps: { creation: new Date('2020-01-01T00:00:00Z') },
        domains: [{ domain_id: other!._id }],
        accounts: [{ type: 'email', emails: ['moved@other.test'] }],
      });
    });

    it('answers 400 without id or with a malformed one, 404 for an unknown one', async () => {
      const body = { email: 'p@users.test', firstname: 'P', lastname: 'Q' };
      const missing = await service.admin().patch('/registeredUsers').send(body).expect(400);
      expect(missing.body.message).toBe("Missing 'id' query parameter");
      await service.admin().patch('/registeredUsers').query({ id: 'zzz' }).send(body).expect(400);
      const id = new ObjectId().toHexString();
      const unknown = await service.admin().patch('/registeredUsers').query({ id }).send(body).expect(404);
      expect(unknown.body).toMatchObject({ type: 'notFound', message: `User with id ${id} not found` });
    });

    it('answers each query refusal with its own message (id blank, malformed or given twice)', async () => {
      const body = { email: 'p@users.test', firstname: 'P', lastname: 'Q' };
      const refusal = async (query: string) =>
        (await service.admin().patch(`/registeredUsers?${query}`).send(body).expect(400)).body;
      const invalid = (message: string) => ({
        statusCode: 400,
        type: 'InvalidArgument',
        message,
        details: null,
      });
      expect(await refusal('id=%20%20')).toEqual(invalid("Missing 'id' query parameter"));
      expect(await refusal('id=zzz')).toEqual(invalid('Invalid user id: zzz'));
      const id = new ObjectId().toHexString();
      expect(await refusal(`id=${id}&id=${id}`)).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: 'Invalid arguments supplied in the user request',
        details: "Query parameter 'id' must be given once",
      });
    });

    it('answers 409 when the new address belongs to someone else, 404 when its domain is unknown', async () => {
      await register({ email: 'first@users.test', firstname: 'F', lastname: 'F' }).expect(201);
      await register({ email: 'second@users.test', firstname: 'S', lastname: 'S' }).expect(201);
      const id = (await users().findOne({ email: 'second@users.test' }))!._id.toHexString();
      await service
        .admin()
        .patch('/registeredUsers')
        .query({ id })
        .send({ email: 'first@users.test', firstname: 'S', lastname: 'S' })
        .expect(409);
      await service
        .admin()
        .patch('/registeredUsers')
        .query({ id })
        .send({ email: 'second@unknown.test', firstname: 'S', lastname: 'S' })
        .expect(404);
      expect((await users().findOne({ _id: new ObjectId(id) }))!.email).toBe('second@users.test');
    });
  });

  describe('DELETE', () => {
    it('deletes the document, then answers 404', async () => {
      await register({ email: 'bye@users.test', firstname: 'B', lastname: 'Ye' }).expect(201);
      await service.admin().delete('/registeredUsers').query({ email: 'bye@users.test' }).expect(204);
      expect(await users().countDocuments({ email: 'bye@users.test' })).toBe(0);
      await service.admin().delete('/registeredUsers').query({ email: 'bye@users.test' }).expect(404);
    });

    it('deletes a legacy document found through accounts.emails', async () => {
      await users().insertOne({
        firstname: 'L',
        lastname: 'G',
        accounts: [{ type: 'email', emails: ['old.style@users.test'] }],
      });
      await service.admin().delete('/registeredUsers').query({ email: 'old.style@users.test' }).expect(204);
      expect(await users().countDocuments({ 'accounts.emails': 'old.style@users.test' })).toBe(0);
    });

    it('answers 400 without an address', async () => {
      const response = await service.admin().delete('/registeredUsers').expect(400);
      expect(response.body.message).toBe("Missing 'email' query parameter");
      expect((await service.admin().delete('/registeredUsers?email=%20').expect(400)).body).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: "Missing 'email' query parameter",
        details: null,
      });
    });
  });
});
