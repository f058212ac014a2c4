import type { NextFunction, Request, Response } from 'express';
import { MalformedBodyError } from '@app/core';

interface ParserError {
  type?: string;
  message?: string;
}

/**
 * Express error middleware placed right after the body parsers: a body that does not parse becomes a
 * `MalformedBodyError`, which each server's exception filter renders in its own format.
 */
export function bodyParseErrors(error: ParserError, _req: Request, _res: Response, next: NextFunction): void {
  if (error?.type === 'entity.parse.failed' || error instanceof SyntaxError) {
    next(new MalformedBodyError(error.message ?? null));
    return;
  }
  next(error);
}
