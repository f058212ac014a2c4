import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { CENSOR, REDACTED_PATHS, redactHeaders, redactUrl } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Correlation id: the caller's `X-Request-Id` when it is sane, otherwise a fresh UUID. */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/** The level of a request's closing line: error for a failure or a 5xx, warn for a 4xx, else info. */
export function requestLogLevel(status: number, error?: unknown): 'error' | 'warn' | 'info' {
  return error || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
}

/**
 * nestjs-pino's parameters: the root logger (level, redaction, serializers, message key). Its per-request
 * middleware (pino-http) is not mounted (`forRoutes: []`): the bootstrap mounts `requestLogger` instead, which
 * writes the same lines.
 */
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
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      // The serializers get the raw request and response (pino-http's wrappers built a full copy of each, headers
      // included, for every request at any level, only for these few fields to be kept).
      wrapSerializers: false,
      serializers: {
        req: (req: { id: string; method: string; url?: string; originalUrl?: string }) => {
          const url = req.originalUrl ?? req.url;
          return { id: req.id, method: req.method, url: url === undefined ? undefined : redactUrl(url) };
        },
        res: (res: {
          statusCode: number;
          getHeaders?: () => Record<string, string | string[] | number | undefined>;
        }) => ({
          statusCode: res.statusCode,
          headers: res.getHeaders ? redactHeaders(res.getHeaders()) : undefined,
        }),
      },
      customLogLevel: (_req, res, error) => requestLogLevel(res.statusCode, error),
      transport: options.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
    renameContext: 'context',
    forRoutes: [],
  };
}
