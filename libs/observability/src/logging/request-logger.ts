import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { correlationIdOf, requestLogLevel } from './logger-options';

export type LoggedRequest = IncomingMessage & { id?: unknown; log?: Logger };
export type LoggedResponse = ServerResponse & { err?: Error };

/**
 * The request logger of both servers, mounted by the bootstrap where nestjs-pino would mount pino-http (which
 * `loggerParams` turns off: `forRoutes: []`). Per request it binds only the correlation id: one child logger, the
 * request's `req.log` and the nestjs-pino context of every `PinoLogger` line logged while handling it
 * (`runInContext`). The closing line is pino-http's, field for field (`correlationId`, `req`, `res`, `responseTime`,
 * `err` for a failure, the same messages and levels), and the request is serialised (and redacted) only when that
 * line is written: pino-http bound the whole request into a second child logger per request, at any level.
 */
export function requestLogger(context: PinoLogger) {
  return (req: LoggedRequest, res: LoggedResponse, next: () => void): void => {
    const id = correlationIdOf(req);
    res.setHeader('X-Request-Id', id);
    req.id = id;
    const started = Date.now();
    let log: Logger | undefined;
    const complete = (error?: Error): void => {
      res.removeListener('close', complete);
      res.removeListener('finish', complete);
      res.removeListener('error', complete);
      const failure = error ?? res.err;
      const level = requestLogLevel(res.statusCode, failure);
      if (log?.isLevelEnabled(level)) writeRequestLine(log, level, req, res, started, failure);
    };
    res.on('close', complete);
    res.on('finish', complete);
    res.on('error', complete);
    context.runInContext(
      () => {
        log = context.logger as unknown as Logger;
        req.log = log;
        next();
      },
      { bindings: { correlationId: id } },
    );
  };
}

/**
 * The closing line of a request (pino-http's, field for field): `req`, `res`, `err` for a failure or a 5xx,
 * `responseTime`, after `bindings` (the DAV proxy's fast path passes the correlation id there, having no child
 * logger); `level` comes from `requestLogLevel` and is enabled (checked by the caller, before anything is built).
 */
export function writeRequestLine(
  log: Logger,
  level: ReturnType<typeof requestLogLevel>,
  req: LoggedRequest,
  res: LoggedResponse,
  started: number,
  failure?: Error,
  bindings: Record<string, unknown> = {},
): void {
  const responseTime = Date.now() - started;
  if (failure || res.statusCode >= 500)
    log[level](
      {
        ...bindings,
        req,
        res,
        err: failure ?? new Error(`failed with status code ${res.statusCode}`),
        responseTime,
      },
      'request errored',
    );
  else
    log[level](
      { ...bindings, req, res, responseTime },
      !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted',
    );
}
