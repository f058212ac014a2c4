import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory, Reflector } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { register } from 'prom-client';
import { LoginThrottle } from '@app/auth';
import { AllConfig, AppConfigModule } from '@app/config';
import { httpMetricsMiddleware, loggerParams, requestLogger } from '@app/observability';
import { AppModule } from './app.module';
import { DavProxyMiddleware } from './dav-proxy/dav-proxy.middleware';
import { corsPolicy } from './http/cors-policy';
import { documentRestApi } from './http/rest-api.openapi';
import { JsonReplyExpressAdapter } from './http/json-reply.adapter';
import { JsonResponseInterceptor } from './http/json-response.interceptor';
import { WEBADMIN_ERROR_SCHEMA, documentErrors } from './http/openapi-errors';
import { useRequestBodyParsers } from './http/request-body';
import { RequestValidationPipe } from './http/request-validation.pipe';
import { JSON_UTF8 } from './openpaas/rest-json';
import { WebadminAppModule } from './webadmin/webadmin-app.module';
import { PushWsAdapter } from './websocket/push-ws.adapter';

export interface ServiceApps {
  api: NestExpressApplication;
  /** Absent when `WEBADMIN_ENABLED=false`. */
  webadmin?: NestExpressApplication;
  config: ConfigService<AllConfig, true>;
}

/**
 * What both servers share at their edge: one body parser, one validation pipe, one response serialiser (the
 * exception filters, one per server format, are registered by each root module).
 */
function configureHttp(app: NestExpressApplication, server: string, jsonContentType: string): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware(server));
  useRequestBodyParsers(app);
  app.useGlobalPipes(new RequestValidationPipe());
  // The interceptor's JSON answers are written by this adapter (NestFactory.create(module, new JsonReplyExpressAdapter())).
  if (!(app.getHttpAdapter() instanceof JsonReplyExpressAdapter))
    throw new Error(`The ${server} server must be created with JsonReplyExpressAdapter`);
  app.useGlobalInterceptors(new JsonResponseInterceptor(app.get(Reflector), jsonContentType));
}

/** The request logger, where nestjs-pino mounted pino-http: after the edge's middlewares, before Nest's own. */
async function useRequestLogger(app: NestExpressApplication): Promise<void> {
  app.use(requestLogger(await app.resolve(PinoLogger)));
}

function documentWebadmin(app: INestApplication): void {
  // A factory: the document is generated at its first request, not at boot.
  SwaggerModule.setup('swagger', app, () => webadminDocument(app), { jsonDocumentUrl: 'openapi.json' });
}

function webadminDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Twake Calendar side service: webadmin')
      .setDescription('Administration API: domains, users, health checks, metrics')
      .setVersion('1')
      .build(),
  );
  documentErrors(document, WEBADMIN_ERROR_SCHEMA, 'Error in the webadmin format (webadmin.md §1.3)');
  return document;
}

/** Builds (and initialises) the REST API application and, when enabled, the webadmin one. Nothing listens yet. */
export async function createServiceApps(): Promise<ServiceApps> {
  AppConfigModule.validateNow();
  register.clear();
  const api = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(),
    new JsonReplyExpressAdapter(),
    {
      abortOnError: false,
      bufferLogs: true,
      bodyParser: false,
    },
  );
  api.use(
    corsPolicy(api.get<ConfigService<AllConfig, true>>(ConfigService).get('standalone').corsAllowedOrigins),
  );
  configureHttp(api, 'rest', JSON_UTF8);
  // Ahead of the request logger and Nest's middlewares: DAV requests with a cached credential (dav-proxy.middleware).
  api.use(api.get(DavProxyMiddleware).fastPath);
  await useRequestLogger(api);
  api.useWebSocketAdapter(new PushWsAdapter(api));
  documentRestApi(api);
  api.enableShutdownHooks();
  await api.init();

  const config = api.get<ConfigService<AllConfig, true>>(ConfigService);
  const webadminConfig = config.get('webadmin', { infer: true });
  if (!webadminConfig.enabled) return { api, config };

  const appConfig = config.get('app', { infer: true });
  const webadmin = await NestFactory.create<NestExpressApplication>(
    WebadminAppModule.forBridge({
      commandBus: api.get(CommandBus),
      queryBus: api.get(QueryBus),
      logger: loggerParams({ level: appConfig.logLevel, pretty: appConfig.logPretty }),
      config: webadminConfig,
      loginThrottle: api.get(LoginThrottle),
    }),
    new JsonReplyExpressAdapter(),
    {
      bufferLogs: true,
      bodyParser: false,
      cors: webadminConfig.cors ? { origin: webadminConfig.cors.origin } : false,
    },
  );
  configureHttp(webadmin, 'webadmin', 'application/json');
  await useRequestLogger(webadmin);
  documentWebadmin(webadmin);
  await webadmin.init();
  return { api, webadmin, config };
}

export async function closeServiceApps(apps: ServiceApps): Promise<void> {
  await apps.webadmin?.close();
  await apps.api.close();
}
