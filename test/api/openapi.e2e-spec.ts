import request from 'supertest';
import { TestService, startTestService } from '../support/service-apps';

describe('OpenAPI document of the REST API', () => {
  let service: TestService;
  const api = () => request(service.api.getHttpServer());

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'twake.test', OPENPAAS_BACKEND_URL: undefined });
  });
  afterAll(() => service.close());

  it('is generated from the controllers and served at /api/openapi.json', async () => {
    const response = await api().get('/api/openapi.json').expect(200);
    const document = response.body as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toContain('REST API');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/user',
        'PUT /api/user/profile',
        'GET /api/users',
        'GET /api/users/{userId}',
        'GET /api/users/{userId}/profile/avatar',
        'GET /api/avatars',
        'GET /api/domains/{domainId}',
        'GET /api/themes/{domainId}',
        'GET /api/themes/{domainId}/logo',
        'POST /api/configurations',
        'PUT /api/configurations',
        'PATCH /api/configurations',
        'GET /api/domain/settings',
        'GET /api/resources/{resourceId}',
        'GET /linagora.esn.resource/api/resources/{resourceId}',
        'GET /images/icon/{file}',
        'POST /api/people/search',
        'POST /calendar/api/events/search',
        'GET /api/entity/{id}',
        'GET /api/team-calendars/{teamCalendarId}',
        'POST /api/jwt/generate',
      ]),
    );
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(['bearer', 'basic']),
    );
    // Webadmin routes live in their own document.
    expect(operations.some((operation) => operation.includes('/registeredUsers'))).toBe(false);
  });

  it('serves a Swagger UI at /api/docs without shadowing other routes', async () => {
    const ui = await api().get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger');
    await api().get('/api/user').expect(401);
    await api().get('/api/docsx').expect(404, '');
  });
});
