import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DAV_PROXY_PREFIX } from '../dav-proxy/dav-proxy-paths';

/** rest-api.md §3.2: the same CORS headers on every answer of a registered route (PATCH is not listed). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, PUT',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Accept',
  'Access-Control-Max-Age': '86400',
};

/**
 * Sets the CORS headers before routing, so that errors (401 from a guard, 400 from validation) carry them too.
 * Proxied answers carry only their upstream's headers: the DAV proxy is skipped here and the fallback proxy
 * removes them.
 */
@Injectable()
export class CorsHeadersMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    if (!request.originalUrl.startsWith(DAV_PROXY_PREFIX)) response.set(CORS_HEADERS);
    next();
  }
}
