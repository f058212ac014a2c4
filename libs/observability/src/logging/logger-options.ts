import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

/** Everything that may carry a credential, wherever it appears in a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers.password',
  'req.headers["x-technical-token"]',
  'req.headers["twakecalendartoken"]',
  'req.query.token',
  'req.query.jwt',
  'req.query.access_token',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'secret',
  'logout_token',
  'authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.secret',
  '*.logout_token',
  '*.authorization',
];

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Correlation id: the caller's `X-Request-Id` when it is sane, otherwise a fresh UUID. */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

const SENSITIVE_QUERY = /([?&](?:token|jwt|access_token|ticket)=)[^&]*/gi;

export function loggerParams(options: { level: string; pretty: boolean }): Params {
  return {
    pinoHttp: {
      level: options.level,
      messageKey: 'message',
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = correlationIdOf(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customAttributeKeys: { reqId: 'correlationId' },
      // Every line logged while handling a request carries its correlation id.
      quietReqLogger: true,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.replace(SENSITIVE_QUERY, '$1[redacted]'),
        }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      transport: options.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
    renameContext: 'context',
  };
}
