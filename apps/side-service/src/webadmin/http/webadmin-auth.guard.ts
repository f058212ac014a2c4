import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { readFileSync } from 'node:fs';
import { type LoginThrottle, Rs256TokenVerifier } from '@app/auth';
import type { WebadminConfig } from '@app/config';
import { sameSecret } from '@app/core';
import { WebadminError } from './webadmin-error';

const PUBLIC = [
  /^\/healthcheck(\/|$|\?)/,
  /^\/metrics(\/|$|\?)/,
  /^\/add-revoked-token(\/|$|\?)/,
  /^\/swagger(\/|$|\?|-)/,
  /^\/openapi\.json/,
];

const unauthorized = (message: string) => new WebadminError(401, 'InvalidArgument', message);

/**
 * Webadmin authentication (webadmin spec §1.2), one mode for every private route:
 * - JWT (`WEBADMIN_JWT_ENABLED`): `Authorization: Bearer <RS256 JWT>` with a `sub` and `admin: true`;
 * - static passwords: `Password: <secret>` or `Authorization: Bearer <secret>`; full-access, read-only (GET/HEAD)
 *   and no-delete passwords;
 * - none when neither is configured.
 * Health checks, metrics, back-channel logout and the API documentation stay public; OPTIONS always passes.
 */
@Injectable()
export class WebadminAuthGuard implements CanActivate {
  private readonly jwtVerifier?: Rs256TokenVerifier;

  constructor(
    private readonly config: Pick<WebadminConfig, 'passwords' | 'jwt'>,
    private readonly throttle?: LoginThrottle,
  ) {
    if (config.jwt) this.jwtVerifier = new Rs256TokenVerifier(readFileSync(config.jwt.publicKeyPath, 'utf8'));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method === 'OPTIONS' || PUBLIC.some((pattern) => pattern.test(request.originalUrl)))
      return true;
    if (this.jwtVerifier) return this.checkJwt(this.jwtVerifier, request);
    return this.checkPassword(request);
  }

  private async checkJwt(verifier: Rs256TokenVerifier, request: Request): Promise<boolean> {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (!token) throw unauthorized('No Bearer header.');
    let claims: Record<string, unknown>;
    try {
      claims = await verifier.verify(token);
    } catch {
      throw unauthorized('Invalid token.');
    }
    if (typeof claims.sub !== 'string' || claims.sub === '' || claims.admin !== true)
      throw unauthorized('Non authorized user.');
    return true;
  }

  private async checkPassword(request: Request): Promise<boolean> {
    const { full, readOnly, noDelete } = this.config.passwords;
    if (full.length + readOnly.length + noDelete.length === 0) return true;
    const header = request.headers['password'];
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const secret = (Array.isArray(header) ? header[0] : header) ?? bearer;
    if (!secret) throw unauthorized('Missing password');
    // Guessing passwords is limited per client address (there is no account name here).
    const attempt = { address: request.socket?.remoteAddress };
    await this.throttle?.check(attempt);
    if (!this.knownPassword(secret)) {
      await this.throttle?.failed(attempt);
      throw unauthorized('Wrong password');
    }
    return this.allows(request, secret);
  }

  private knownPassword(secret: string): boolean {
    const { full, readOnly, noDelete } = this.config.passwords;
    return [...full, ...readOnly, ...noDelete].some((candidate) => sameSecret(candidate, secret));
  }

  private allows(request: Request, secret: string): boolean {
    const { full, readOnly, noDelete } = this.config.passwords;
    if (full.some((candidate) => sameSecret(candidate, secret))) return true;
    if (readOnly.some((candidate) => sameSecret(candidate, secret))) {
      if (request.method === 'GET' || request.method === 'HEAD') return true;
      throw new WebadminError(403, 'InvalidArgument', 'This password only allows GET and HEAD requests');
    }
    if (noDelete.some((candidate) => sameSecret(candidate, secret))) {
      if (request.method !== 'DELETE') return true;
      throw new WebadminError(403, 'InvalidArgument', 'This password does not allow DELETE requests');
    }
    throw unauthorized('Wrong password');
  }
}
