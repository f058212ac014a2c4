import { OpenApiDocument, jsonBodyRef } from '../support/openapi-document';
import { TestService, startTestService } from '../support/service-apps';

const NULLS = {
  userSearchMode: null,
  defaultCalendarPublicVisibility: null,
  calendarPublicVisibilitySettingEnabled: null,
};

describe('webadmin /domains/{domain}/settings (§6.3)', () => {
  let service: TestService;
  const admin = () => service.admin();
  const stored = () =>
    service.database.db
      .collection('domain_settings')
      .findOne({ domain: 'settings.test' }, { projection: { _id: 0 } });

  beforeAll(async () => {
    service = await startTestService({
      DOMAINS: 'settings.test,limited.test',
      USER_SEARCH_LIMITED_DOMAINS: 'limited.test',
      RESOURCE_SEARCH_ENABLED: 'false',
    });
  });
  afterAll(() => service.close());

  it('GET: nothing stored → nulls and the configured fallbacks', async () => {
    const response = await admin().get('/domains/Limited.TEST/settings').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      userSearchMode: null,
      resourceSearchEnabled: null,
      defaultCalendarPublicVisibility: null,
      calendarPublicVisibilitySettingEnabled: null,
      resolved: {
        userSearchMode: 'limited',
        resourceSearchEnabled: false,
        defaultCalendarPublicVisibility: 'private',
        calendarPublicVisibilitySettingEnabled: true,
      },
    });
  });

  it('PUT then GET round trip; enums case-insensitive, stored and returned lower-case; null clears', async () => {
    await admin()
      .put('/domains/settings.test/settings')
      .send({
        userSearchMode: 'DISABLED',
        resourceSearchEnabled: true,
        defaultCalendarPublicVisibility: 'Read',
        calendarPublicVisibilitySettingEnabled: false,
      })
      .expect(204);
    expect(await stored()).toEqual({
      domain: 'settings.test',
      userSearchMode: 'disabled',
      resourceSearchEnabled: true,
      defaultCalendarPublicVisibility: 'read',
      calendarPublicVisibilitySettingEnabled: false,
    });
    expect((await admin().get('/domains/settings.test/settings').expect(200)).body).toEqual({
      userSearchMode: 'disabled',
      resourceSearchEnabled: true,
      defaultCalendarPublicVisibility: 'read',
      calendarPublicVisibilitySettingEnabled: false,
      resolved: {
        userSearchMode: 'disabled',
        resourceSearchEnabled: true,
        defaultCalendarPublicVisibility: 'read',
        calendarPublicVisibilitySettingEnabled: false,
      },
    });
    await admin()
      .put('/domains/settings.test/settings')
      .send({
        userSearchMode: null,
        resourceSearchEnabled: null,
        defaultCalendarPublicVisibility: 'private',
        calendarPublicVisibilitySettingEnabled: null,
      })
      .expect(204);
    expect(await stored()).toEqual({ domain: 'settings.test', defaultCalendarPublicVisibility: 'private' });
    // The REST API reads the same document.
    const get = await admin().get('/domains/settings.test/settings').expect(200);
    expect(get.body.resolved).toEqual({
      userSearchMode: 'enabled',
      resourceSearchEnabled: false,
      defaultCalendarPublicVisibility: 'private',
      calendarPublicVisibilitySettingEnabled: true,
    });
  });

  it('PATCH: a value sets, null clears, an absent field is kept', async () => {
    await admin()
      .patch('/domains/settings.test/settings')
      .send({ userSearchMode: 'Limited', calendarPublicVisibilitySettingEnabled: false })
      .expect(204);
    expect(await stored()).toEqual({
      domain: 'settings.test',
      userSearchMode: 'limited',
      defaultCalendarPublicVisibility: 'private',
      calendarPublicVisibilitySettingEnabled: false,
    });
    await admin()
      .patch('/domains/settings.test/settings')
      .send({ defaultCalendarPublicVisibility: null })
      .expect(204);
    expect(await stored()).toEqual({
      domain: 'settings.test',
      userSearchMode: 'limited',
      calendarPublicVisibilitySettingEnabled: false,
    });
  });

  it('refuses bad bodies with the webadmin error format, storing nothing', async () => {
    const before = await stored();
    const invalidJson = {
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'JSON payload of the request is not valid',
    };
    const complete = {
      userSearchMode: 'enabled',
      resourceSearchEnabled: true,
      defaultCalendarPublicVisibility: 'read',
      calendarPublicVisibilitySettingEnabled: true,
    };
    const put = (body: unknown) =>
      admin()
        .put('/domains/settings.test/settings')
        .send(body as object);
    const patch = (body: unknown) =>
      admin()
        .patch('/domains/settings.test/settings')
        .send(body as object);
    const invalidValue = {
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'Invalid arguments supplied in the user request',
    };
    expect((await put({ userSearchMode: 'enabled' }).expect(400)).body).toEqual({
      ...invalidJson,
      details: "'resourceSearchEnabled' is required",
    });
    const { calendarPublicVisibilitySettingEnabled: _, ...incomplete } = complete;
    expect((await put(incomplete).expect(400)).body).toEqual({
      ...invalidJson,
      details: "'calendarPublicVisibilitySettingEnabled' is required",
    });
    expect((await put({ ...complete, other: 1 }).expect(400)).body).toEqual({
      ...invalidJson,
      details: 'property other should not exist',
    });
    expect((await patch({ resourceSearchEnabled: true, other: 1 }).expect(400)).body).toEqual({
      ...invalidJson,
      details: 'property other should not exist',
    });
    expect((await put({ ...complete, userSearchMode: 'sometimes' }).expect(400)).body).toEqual({
      ...invalidValue,
      details: `Invalid value for 'userSearchMode': "sometimes". Supported values are: enabled, limited, disabled`,
    });
    expect((await put({ ...complete, userSearchMode: 3 }).expect(400)).body).toEqual({
      ...invalidValue,
      details: `Invalid value for 'userSearchMode': 3. Supported values are: enabled, limited, disabled`,
    });
    expect((await put({ ...complete, resourceSearchEnabled: 'yes' }).expect(400)).body).toEqual({
      ...invalidValue,
      details: `Invalid value for 'resourceSearchEnabled': "yes"; a boolean is expected`,
    });
    expect((await patch({ calendarPublicVisibilitySettingEnabled: 0 }).expect(400)).body).toEqual({
      ...invalidValue,
      details: `Invalid value for 'calendarPublicVisibilitySettingEnabled': 0; a boolean is expected`,
    });
    expect((await put([complete]).expect(400)).body).toMatchObject(invalidJson);
    const scalar = await admin()
      .patch('/domains/settings.test/settings')
      .set('content-type', 'application/json')
      .send('"limited"')
      .expect(400);
    expect(scalar.body).toMatchObject(invalidJson);
    expect((await patch({}).expect(400)).body).toEqual({
      ...invalidJson,
      details: 'at least one setting is expected',
    });
    expect((await admin().patch('/domains/settings.test/settings').expect(400)).body).toMatchObject(
      invalidJson,
    );
    expect((await patch({ defaultCalendarPublicVisibility: 'public' }).expect(400)).body).toEqual({
      ...invalidValue,
      details: `Invalid value for 'defaultCalendarPublicVisibility': "public". Supported values are: private, read`,
    });
    const malformed = await admin()
      .patch('/domains/settings.test/settings')
      .set('content-type', 'application/json')
      .send('{"userSearchMode": ')
      .expect(400);
    expect(malformed.body).toMatchObject(invalidJson);
    expect(await stored()).toEqual(before);
  });

  it('PUT trims enum values and takes null for every field', async () => {
    await admin()
      .put('/domains/settings.test/settings')
      .send({
        userSearchMode: ' Enabled ',
        resourceSearchEnabled: null,
        defaultCalendarPublicVisibility: null,
        calendarPublicVisibilitySettingEnabled: null,
      })
      .expect(204);
    expect(await stored()).toEqual({ domain: 'settings.test', userSearchMode: 'enabled' });
  });

  it('documents the PUT and PATCH bodies with their DTOs', async () => {
    const document = (await admin().get('/openapi.json').expect(200)).body as OpenApiDocument;
    const path = '/domains/{domain}/settings';
    expect(jsonBodyRef(document, 'put', path)).toBe('#/components/schemas/ReplaceDomainSettingsRequestDto');
    expect(jsonBodyRef(document, 'patch', path)).toBe('#/components/schemas/PatchDomainSettingsRequestDto');
    const { ReplaceDomainSettingsRequestDto: replace, PatchDomainSettingsRequestDto: change } =
      document.components.schemas;
    expect(replace?.required?.sort()).toEqual([
      'calendarPublicVisibilitySettingEnabled',
      'defaultCalendarPublicVisibility',
      'resourceSearchEnabled',
      'userSearchMode',
    ]);
    expect(replace?.properties?.userSearchMode).toMatchObject({ enum: ['enabled', 'limited', 'disabled'] });
    expect(replace?.properties?.resourceSearchEnabled).toMatchObject({ type: 'boolean' });
    expect(change?.required ?? []).toEqual([]);
    expect(Object.keys(change?.properties ?? {}).sort()).toEqual(replace?.required);
  });

  it('answers 400 for an invalid domain and 404 for an unknown one, on every method', async () => {
    // A valid body: a refused body is answered before the domain is looked at.
    const body = { resourceSearchEnabled: true, ...NULLS };
    for (const method of ['get', 'put', 'patch'] as const) {
      const invalid = await admin()[method]('/domains/bad..domain/settings').send(body).expect(400);
      expect(invalid.body).toEqual({
        statusCode: 400,
        type: 'InvalidArgument',
        message: 'Invalid domain: bad..domain',
        details: null,
      });
      const unknown = await admin()[method]('/domains/unknown.test/settings').send(body).expect(404);
      expect(unknown.body).toEqual({
        statusCode: 404,
        type: 'notFound',
        message: 'Domain not found: unknown.test',
        details: null,
      });
    }
  });
});
