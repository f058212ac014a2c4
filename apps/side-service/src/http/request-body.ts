import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  json,
  urlencoded,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { UnreadableBodyError } from '@app/core';
import { parsedOutsideDavProxy } from './dav-proxy-paths';

/** Bodies larger than this are refused with 413 (uploads stream their body themselves). */
export const BODY_LIMIT = '1mb';

/**
 * What `req.body` holds when the JSON did not parse. The validation pipe turns it into the route's error: a DTO
 * route answers `Invalid JSON body`, a route parsing its body by hand sees no body and answers its own detail.
 */
export class UnparsableJsonBody {}
const UNPARSABLE = Object.freeze(new UnparsableJsonBody());

interface ParserError {
  type?: string;
  code?: string;
  charset?: string;
  encoding?: string;
}

/** Every way body-parser can fail, as the one error both servers' filters render in their format. */
function unreadable(error: ParserError, contentEncoding: string): UnreadableBodyError | undefined {
  switch (error.type) {
    case 'charset.unsupported':
      return new UnreadableBodyError(415, `Unsupported charset "${(error.charset ?? '').toUpperCase()}"`);
    case 'encoding.unsupported':
      return new UnreadableBodyError(415, `Unsupported content encoding "${error.encoding ?? ''}"`);
    case 'entity.too.large':
      return new UnreadableBodyError(413, 'The request body is too large');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return new UnreadableBodyError(400, 'The request body could not be read');
    default:
      // zlib errors (Z_DATA_ERROR, Z_BUF_ERROR…) of gzip/deflate/br bodies that are not what they claim to be.
      if (error.code?.startsWith('Z_') || error.code?.startsWith('ERR_')) {
        return new UnreadableBodyError(400, `The request body is not valid ${contentEncoding} data`);
      }
      return undefined;
  }
}

function guarded(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const parserError = error as ParserError;
      if (parserError.type === 'entity.parse.failed') {
        req.body = UNPARSABLE;
        return next();
      }
      return next(unreadable(parserError, String(req.headers['content-encoding'] ?? '')) ?? error);
    });
}

/**
 * The one body parser of both servers: JSON and URL-encoded forms (never under `/dav/`, whose bodies the proxy
 * streams), with gzip/deflate/br bodies inflated. Any failure to read a body becomes an `UnreadableBodyError`.
 */
export function useRequestBodyParsers(app: NestExpressApplication): void {
  app.use(guarded(json({ limit: BODY_LIMIT, type: parsedOutsideDavProxy('application/json') })));
  app.use(
    guarded(
      urlencoded({
        limit: BODY_LIMIT,
        extended: false,
        type: parsedOutsideDavProxy('application/x-www-form-urlencoded'),
      }),
    ),
  );
}
