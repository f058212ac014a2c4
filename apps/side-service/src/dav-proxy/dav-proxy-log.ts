import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { correlationIdOf, requestLogLevel, writeRequestLine } from '@app/observability';

/**
 * The request logger's closing line for a request the DAV proxy's fast path answered without it (the same writer,
 * on the root logger with the correlation id among the fields). Nothing is built unless that level is enabled.
 */
export function logCompletion(req: Request, res: Response, started: number): void {
  const level = requestLogLevel(res.statusCode);
  const root = PinoLogger.root as Logger | undefined;
  if (!root?.isLevelEnabled(level)) return;
  const correlationId = correlationIdOf(req);
  (req as Request & { id?: string }).id = correlationId;
  writeRequestLine(root, level, req, res, started, undefined, { correlationId });
}
