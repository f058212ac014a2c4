import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { correlationIdOf, requestLogLevel } from '@app/observability';

/**
 * The request logger's line (pino-http as `loggerParams` sets it up: level by status, message, `correlationId`,
 * `req`, `res`, `responseTime`, `err` for a 5xx) for a request the DAV proxy's fast path answered without it. Nothing
 * is built unless that level is enabled.
 */
export function logCompletion(req: Request, res: Response, started: number): void {
  const status = res.statusCode;
  const level = requestLogLevel(status);
  const root = PinoLogger.root;
  if (!root?.isLevelEnabled(level)) return;
  const correlationId = correlationIdOf(req);
  const record = {
    correlationId,
    req: { id: correlationId, method: req.method, originalUrl: req.originalUrl },
    res,
    responseTime: Date.now() - started,
  };
  if (status >= 500)
    root[level]({ ...record, err: new Error(`failed with status code ${status}`) }, 'request errored');
  else root[level](record, res.writableEnded ? 'request completed' : 'request aborted');
}
