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
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url === undefined ? undefined : redactUrl(req.url),
        }),
        res: (res: {
          statusCode: number;
          headers?: Record<string, string | string[] | number | undefined>;
        }) => ({
          statusCode: res.statusCode,
          headers: res.headers ? redactHeaders(res.headers) : undefined,
        }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      transport: options.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
    renameContext: 'context',
  };
}
