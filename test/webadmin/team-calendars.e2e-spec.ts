import { OpenApiDocument, jsonBodyRef } from '../support/openapi-document';
import { DavTestEnvironment, startDavTestEnvironment } from '../doubles/esn-sabre/dav-test-environment';

describe('webadmin team calendars (§9)', () => {
  let env: DavTestEnvironment;
  const DOMAIN = 'teams.test';
  const admin = () => env.service.admin();
  const documents = () => env.service.database.db.collection('team_calendars');
  const displayNameInDav = async (id: string) =>
    (await env.dav.store.propfind(`/calendars/${id}/${id}/`, '0', '<D:displayname/>'))?.[0]?.props.get(
      'displayname',
    );
  const create = async (body: object) =>
    await admin().post(`/domains/${DOMAIN}/team-calendars`).send(body).expect(201);

  beforeAll(async () => {
    env = await startDavTestEnvironment({ DOMAINS: `${DOMAIN},other-teams.test` });
    for (const email of [`bob@${DOMAIN}`, `eve@${DOMAIN}`, 'carol@other-teams.test'])
      await admin().post('/registeredUsers').send({ email, firstname: 'F', lastname: 'L' }).expect(201);
  });
  afterAll(() => env?.close());

  it('creates, lists, gets, renames and deletes, with the DAV calendar following', async () => {
    const created = await create({ name: 'sales', displayName: 'Sales team' });
    const id = created.body.id as string;
    expect(created.headers.location).toBe(`/domains/${DOMAIN}/team-calendars/${id}`);
    const domainId = (await env.service.database.db.collection('domains').findOne({ name: DOMAIN }))!._id;
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      domainId: domainId.toHexString(),
      domainName: DOMAIN,
      name: 'sales',
      displayName: 'Sales team',
      creation: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      updated: created.body.creation,
    });
    expect(await documents().findOne({ name: 'sales' })).toMatchObject({ domainId, domainName: DOMAIN });
    expect(await displayNameInDav(id)).toBe('Sales team');
    // The provisioning went as the domain's technical user.
    const provisioning = env.dav.seen.find(
      (seen) => seen.method === 'PROPFIND' && seen.url === `/calendars/${id}/${id}`,
    );
    expect(provisioning?.headers.depth).toBe('0');
    expect(provisioning?.principal).toMatchObject({ kind: 'technical', domainId: domainId.toHexString() });

    const second = await create({ name: 'sales', displayName: 'Sales again' });
    expect(second.body.id).not.toBe(id);
    const list = await admin().get(`/domains/${DOMAIN}/team-calendars`).expect(200);
    expect(list.body.map((calendar: { id: string }) => calendar.id)).toEqual([id, second.body.id]);
    expect((await admin().get(`/domains/${DOMAIN}/team-calendars/${id}`).expect(200)).body).toEqual(
      created.body,
    );
    expect((await admin().get('/domains/other-teams.test/team-calendars').expect(200)).body).toEqual([]);

    const renamed = await admin()
      .patch(`/domains/${DOMAIN}/team-calendars/${id}`)
      .send({ displayName: 'Sales & marketing' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id, name: 'sales', displayName: 'Sales & marketing' });
    expect(await displayNameInDav(id)).toBe('Sales & marketing');
    expect(
      (await documents().findOne({ name: 'sales', displayName: 'Sales & marketing' }))?.updated,
    ).toBeInstanceOf(Date);

    await admin().delete(`/domains/${DOMAIN}/team-calendars/${id}`).expect(204);
    expect(await documents().countDocuments({ displayName: 'Sales & marketing' })).toBe(0);
    expect(await env.dav.store.propfind(`/calendars/${id}/`, '0', '<D:resourcetype/>')).toBeUndefined();
    await admin().delete(`/domains/${DOMAIN}/team-calendars/${id}`).expect(204);
    await admin().delete(`/domains/${DOMAIN}/team-calendars/not-an-id`).expect(204);
  });

  it('manages members through DAV sharing', async () => {
    const id = (await create({ name: 'support', displayName: 'Support' })).body.id as string;
    const members = () => admin().get(`/domains/${DOMAIN}/team-calendars/${id}/members`).expect(200);
    expect((await members()).body).toEqual([]);
    const invite = (share: object) =>
      admin().post(`/domains/${DOMAIN}/team-calendars/${id}/members/invitee`).send({ share });
    await invite({
      set: [
        { 'dav:href': `MAILTO:Bob@${DOMAIN}`, 'dav:read-write': true },
        { 'dav:href': `mailto:eve@${DOMAIN}`, 'dav:administration': true },
      ],
    }).expect(204);
    expect((await members()).body).toEqual(
      expect.arrayContaining([
        { username: `bob@${DOMAIN}`, role: 'member', davRight: 'dav:read-write' },
        { username: `eve@${DOMAIN}`, role: 'manager', davRight: 'dav:administration' },
      ]),
    );
    await invite({
      set: [{ 'dav:href': `mailto:bob@${DOMAIN}`, 'dav:read': true }],
      remove: [{ 'dav:href': `mailto:eve@${DOMAIN}` }],
    }).expect(204);
    expect((await members()).body).toEqual([
      { username: `bob@${DOMAIN}`, role: 'viewer', davRight: 'dav:read' },
    ]);

    const refused = async (share: object, message: string) =>
      expect((await invite(share).expect(400)).body).toMatchObject({
        statusCode: 400,
        type: 'InvalidArgument',
        message,
      });
    await refused(
      { set: [{ 'dav:href': `mailto:nobody@${DOMAIN}`, 'dav:read': true }] },
      `Candidate member not found: nobody@${DOMAIN}`,
    );
    await refused(
      { set: [{ 'dav:href': 'mailto:carol@other-teams.test', 'dav:read': true }] },
      `Member must belong to domain: ${DOMAIN}`,
    );
    await refused(
      { set: [{ 'dav:href': `bob@${DOMAIN}`, 'dav:read': true }] },
      'Invalid arguments supplied in the user request',
    );
    await refused(
      { set: [{ 'dav:href': `mailto:bob@${DOMAIN}`, 'dav:read': true, 'dav:read-write': true }] },
      'Invalid arguments supplied in the user request',
    );
    expect(
      (await admin().post(`/domains/${DOMAIN}/team-calendars/${id}/members/invitee`).send({}).expect(400))
        .body.message,
    ).toBe('JSON payload of the request is not valid');
    const unknown = '6650aa000000000000000099';
    expect(
      (
        await admin()
          .post(`/domains/${DOMAIN}/team-calendars/${unknown}/members/invitee`)
          .send({ share: {} })
          .expect(404)
      ).body,
    ).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: `Team calendar does not exist: ${unknown}`,
      details: null,
    });
    await admin().get(`/domains/${DOMAIN}/team-calendars/${unknown}/members`).expect(404);
    // A team calendar is invisible from another domain.
    await admin().get(`/domains/other-teams.test/team-calendars/${id}`).expect(404);
    await admin().get(`/domains/other-teams.test/team-calendars/${id}/members`).expect(404);
  });

  it('refuses a members body of the wrong shape or with wrong values, before any DAV call', async () => {
    const id = (await create({ name: 'shapes', displayName: 'Shapes' })).body.id as string;
    const seenBefore = env.dav.seen.length;
    const refusal = async (body: unknown) => {
      const response = await admin()
        .post(`/domains/${DOMAIN}/team-calendars/${id}/members/invitee`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body))
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, type: 'InvalidArgument' });
      return response.body as { message: string; details: string };
    };
    const bob = `mailto:bob@${DOMAIN}`;
    for (const body of [
      [],
      { share: null },
      { share: 'bob' },
      { share: [] },
      { share: {}, other: 1 },
      { share: { set: [], add: [] } },
      { share: { set: {} } },
      { share: { remove: null } },
      { share: { set: [null] } },
      { share: { set: ['bob'] } },
      { share: { set: [{ 'dav:href': bob, 'dav:read': true, 'dav:write': true }] } },
      { share: { remove: [{ 'dav:href': bob, 'dav:read': true }] } },
    ])
      expect([body, (await refusal(body)).message]).toEqual([
        body,
        'JSON payload of the request is not valid',
      ]);
    for (const [body, details] of [
      [{ share: { set: [{ 'dav:read': true }] } }, "'dav:href' must be a mailto: address: undefined"],
      [
        { share: { set: [{ 'dav:href': 'mailto: ', 'dav:read': true }] } },
        `'dav:href' must be a mailto: address: "mailto: "`,
      ],
      [{ share: { remove: [{ 'dav:href': 7 }] } }, "'dav:href' must be a mailto: address: 7"],
      [
        { share: { set: [{ 'dav:href': bob, 'dav:read': 'true' }] } },
        'exactly one of dav:read, dav:read-write, dav:administration must be true',
      ],
      [
        { share: { set: [{ 'dav:href': bob, 'dav:read': false, 'dav:administration': false }] } },
        'exactly one of dav:read, dav:read-write, dav:administration must be true',
      ],
    ] as const)
      expect(await refusal(body)).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: 'Invalid arguments supplied in the user request',
        details,
      });
    expect(env.dav.seen.slice(seenBefore).filter((request) => request.method === 'POST')).toEqual([]);
    // Spaces around the address are tolerated, the rights not granted may be given as false.
    await admin()
      .post(`/domains/${DOMAIN}/team-calendars/${id}/members/invitee`)
      .send({ share: { set: [{ 'dav:href': ` ${bob} `, 'dav:read': false, 'dav:read-write': true }] } })
      .expect(204);
    expect((await admin().get(`/domains/${DOMAIN}/team-calendars/${id}/members`).expect(200)).body).toEqual([
      { username: `bob@${DOMAIN}`, role: 'member', davRight: 'dav:read-write' },
    ]);
  });

  it('documents the members body with its DTOs in the OpenAPI document', async () => {
    const document = (await admin().get('/openapi.json').expect(200)).body as OpenApiDocument;
    expect(jsonBodyRef(document, 'post', '/domains/{domain}/team-calendars/{id}/members/invitee')).toBe(
      '#/components/schemas/CalendarShareRequestDto',
    );
    const schemas = document.components.schemas;
    expect(schemas.CalendarShareRequestDto).toMatchObject({
      required: ['share'],
      properties: { share: { $ref: '#/components/schemas/ShareUpdateDto' } },
    });
    expect(schemas.ShareUpdateDto?.properties).toMatchObject({
      set: { type: 'array', items: { $ref: '#/components/schemas/ShareGrantDto' } },
      remove: { type: 'array', items: { $ref: '#/components/schemas/ShareRemovalDto' } },
    });
    expect(schemas.ShareGrantDto).toMatchObject({
      required: ['dav:href'],
      properties: {
        'dav:read': { type: 'boolean' },
        'dav:read-write': { type: 'boolean' },
        'dav:administration': { type: 'boolean' },
      },
    });
  });

  it('answers the errors of §9 in the webadmin format', async () => {
    expect((await admin().get('/domains/bad..domain/team-calendars').expect(400)).body).toMatchObject({
      message: 'Invalid domain: bad..domain',
    });
    expect((await admin().get('/domains/nowhere.test/team-calendars').expect(404)).body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'nowhere.test does not exist',
      details: null,
    });
    expect((await admin().get(`/domains/${DOMAIN}/team-calendars/not-an-id`).expect(404)).body.message).toBe(
      'Team calendar does not exist',
    );
    await admin()
      .patch(`/domains/${DOMAIN}/team-calendars/6650aa000000000000000099`)
      .send({ displayName: 'X' })
      .expect(404);
    for (const body of [{ name: 'x' }, { name: 'x', displayName: 'y', id: 'z' }, []])
      expect(
        (await admin().post(`/domains/${DOMAIN}/team-calendars`).send(body).expect(400)).body.message,
      ).toBe('JSON payload of the request is not valid');
    expect(
      (
        await admin()
          .post(`/domains/${DOMAIN}/team-calendars`)
          .send({ name: ' ', displayName: 'y' })
          .expect(400)
      ).body.message,
    ).toBe('Invalid arguments supplied in the user request');
    const id = (await create({ name: 'patchy', displayName: 'Patchy' })).body.id as string;
    const renameMessage = async (body: object) =>
      (await admin().patch(`/domains/${DOMAIN}/team-calendars/${id}`).send(body).expect(400)).body.message;
    for (const body of [{ displayName: '' }, { displayName: '  ' }, { displayName: 7 }])
      expect(await renameMessage(body)).toBe('Invalid arguments supplied in the user request');
    for (const body of [{}, { displayName: null }, { displayName: 'X', name: 'other' }])
      expect(await renameMessage(body)).toBe('JSON payload of the request is not valid');
    const trimmed = await admin()
      .patch(`/domains/${DOMAIN}/team-calendars/${id}`)
      .send({ displayName: '  Patchy again ' })
      .expect(200);
    expect(trimmed.body.displayName).toBe('Patchy again');
  });

  it('a calendar gone from the DAV server (deleted meanwhile) answers 404 to rename and members, not 500', async () => {
    // The window of a concurrent DELETE: the DAV home is removed before the stored calendar.
    const id = (await create({ name: 'vanishing', displayName: 'Vanishing' })).body.id as string;
    expect((await env.dav.store.text('DELETE', `/calendars/${id}/`)).status).toBeLessThan(300);
    for (const response of [
      await admin()
        .patch(`/domains/${DOMAIN}/team-calendars/${id}`)
        .send({ displayName: 'Renamed' })
        .expect(404),
      await admin().get(`/domains/${DOMAIN}/team-calendars/${id}/members`).expect(404),
    ])
      expect(response.body).toMatchObject({ statusCode: 404, type: 'notFound' });
    expect((await documents().findOne({ name: 'vanishing' }))?.displayName).toBe('Vanishing');
  });

  it('a DAV failure answers 500 and keeps the stored calendar', async () => {
    env.dav.failures.set('/calendars/', 503);
    try {
      const response = await admin()
        .post(`/domains/${DOMAIN}/team-calendars`)
        .send({ name: 'broken', displayName: 'Broken' })
        .expect(500);
      expect(response.body).toMatchObject({
        statusCode: 500,
        type: 'ServerError',
        message: 'Error while calling the DAV server',
      });
    } finally {
      env.dav.failures.delete('/calendars/');
    }
    expect(await documents().countDocuments({ name: 'broken' })).toBe(1);
  });
});
