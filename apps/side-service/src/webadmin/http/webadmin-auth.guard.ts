import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { WebadminConfig } from '@app/config';
import { timingSafeEqual } from 'node:crypto';
import { WebadminError } from './webadmin-error';

const PUBLIC = [
  /^\/healthcheck(\/|$|\?)/,
  /^\/metrics(\/|$|\?)/,
  /^\/add-revoked-token(\/|$|\?)/,
  /^\/swagger(\/|$|\?|-)/,
  /^\/openapi\.json/,
];

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Static-password mode of the webadmin: `Password: <secret>` or `Authorization: Bearer <secret>`.
 * Full-access, read-only (GET/HEAD) and no-delete passwords. No password configured: no authentication.
 */
@Injectable()
export class WebadminAuthGuard implements CanActivate {
  constructor(private readonly passwords: WebadminConfig['passwords']) {}

  canActivate(context: ExecutionContext): boolean {
    const { full, readOnly, noDelete } = this.passwords;
    if (full.length + readOnly.length + noDelete.length === 0) return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method === 'OPTIONS' || PUBLIC.some((pattern) => pattern.test(request.originalUrl)))
      return true;
    const header = request.headers['password'];
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const secret = (Array.isArray(header) ? header[0] : header) ?? bearer;
    if (!secret) throw new WebadminError(401, 'InvalidArgument', 'Missing password');
    if (full.some((candidate) => same(candidate, secret))) return true;
    if (readOnly.some((candidate) => same(candidate, secret))) {
      if (request.method === 'GET' || request.method === 'HEAD') return true;
      throw new WebadminError(403, 'InvalidArgument', 'This password only allows GET and HEAD requests');
    }
    if (noDelete.some((candidate) => same(candidate, secret))) {
      if (request.method !== 'DELETE') return true;
      throw new WebadminError(403, 'InvalidArgument', 'This password does not allow DELETE requests');
    }
    throw new WebadminError(401, 'InvalidArgument', 'Wrong password');
  }
}
