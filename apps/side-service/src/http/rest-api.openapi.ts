import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { REST_ERROR_SCHEMA, documentErrors } from './openapi-errors';

export const REST_OPENAPI_JSON = 'api/openapi.json';
export const REST_SWAGGER_UI = 'api/docs';

/**
 * The OpenAPI document of the REST API, generated from its controllers, served at `/api/openapi.json` with a
 * Swagger UI at `/api/docs`. Call it before `init()`: its routes then come before the application's own and
 * before the fallback proxy.
 */
export function documentRestApi(app: INestApplication): void {
  // A factory: the document is generated at its first request, not at boot (it is not needed to serve the API).
  SwaggerModule.setup(REST_SWAGGER_UI, app, () => restApiDocument(app), {
    jsonDocumentUrl: REST_OPENAPI_JSON,
  });
}

function restApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Twake Calendar side service: REST API')
      .setDescription(
        'The OpenPaaS-compatible API of the calendar and contacts SPAs and Twake Mail. Errors carry ' +
          '{"error": {code, type, message, details}}; 401, 403 and 404 of the global handlers have an empty body. ' +
          'Requests no route matches go to the DAV proxy (/dav/**) or the legacy OpenPaaS server.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'OIDC access token or calendar JWT' })
      .addBasicAuth({ type: 'http', scheme: 'basic', description: 'Admin account, or users when enabled' })
      .build(),
  );
  documentErrors(
    document,
    REST_ERROR_SCHEMA,
    'Error: the JSON body of rest-api.md §3.1, or an empty body (global 401, 403, 404, 500)',
  );
  return document;
}
