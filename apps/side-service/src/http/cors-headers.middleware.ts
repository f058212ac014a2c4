import { Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AllConfig } from '@app/config';
import type { NextFunction, Request, Response } from 'express';
import { DAV_PROXY_PREFIX } from './dav-proxy-paths';

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
 * removes them. With `CORS_ALLOWED_ORIGINS` set, the policy of `cors-policy.ts` replaces them.
 */
@Injectable()
export class CorsHeadersMiddleware implements NestMiddleware {
  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const policy = this.config.get('standalone', { infer: true }).corsAllowedOrigins.length > 0;
    if (!policy && !request.originalUrl.startsWith(DAV_PROXY_PREFIX)) response.set(CORS_HEADERS);
    next();
  }
}
