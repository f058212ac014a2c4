import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** What the Calendar SPA sends cross-origin (REST and `/dav`), plus the DAV methods and headers next to them. */
const ALLOWED_METHODS =
  'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, PROPFIND, PROPPATCH, REPORT, MOVE, COPY, ACL, MKCALENDAR, MKCOL';
const ALLOWED_HEADERS =
  'Authorization, Content-Type, Accept, Accept-Language, Prefer, Destination, Overwrite, Depth, If-Match, ' +
  'If-None-Match, X-Http-Method-Override, X-Requested-With, X-Request-Id';
const EXPOSED_HEADERS = 'ETag, Location, Preference-Applied, Retry-After, X-Request-Id';

/**
 * The configurable CORS policy (`CORS_ALLOWED_ORIGINS`): ahead of every route and of the DAV proxy, it gives an
 * allowed origin its own value back and answers preflights itself (204), before authentication. Requests from
 * other origins get no CORS header at all, so a browser keeps them on their own origin. The DAV proxy keeps these
 * headers on the answers it relays.
 */
export function corsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  // Not configured: rest-api.md §3.2's headers alone (cors-headers.middleware), not even a Vary.
  if (allowedOrigins.length === 0) return (_request, _response, next) => next();
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.map(normaliseOrigin));
  return (request: Request, response: Response, next: NextFunction) => {
    response.vary('Origin');
    const origin = request.headers.origin;
    if (!origin || !(any || allowed.has(normaliseOrigin(origin)))) return next();
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      response.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      response.setHeader('Access-Control-Max-Age', '86400');
      response.status(204).end();
      return;
    }
    next();
  };
}

function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}
