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
});
