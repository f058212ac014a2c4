import { Inject, Injectable } from '@nestjs/common';
import { JWTPayload, SignJWT, errors, jwtVerify } from 'jose';
import { timed, timer } from '@app/observability';
import { JwtKeys } from './jwt-keys';

export const JWT_VALIDITY_MS = Symbol('JWT_VALIDITY_MS');

/** RS256 tokens of the OpenPaaS-compatible kind, signed with the key shared with the DAV server. */
@Injectable()
export class UserJwtService {
  constructor(
    private readonly keys: JwtKeys,
    @Inject(JWT_VALIDITY_MS) private readonly validityMs: number,
  ) {}

  /** Bearer token for `POST /api/jwt/generate`: `sub`, `twake_calendar_auth_type: "jwt"`, `iat`, `exp`. */
  signUserToken(username: string, now = Date.now()): Promise<string> {
    return this.sign({ sub: username, twake_calendar_auth_type: 'jwt' }, now + this.validityMs, now);
  }

  /** Any other token signed with the same key (participation links, moderation links). */
  sign(claims: JWTPayload, expiresAtMs: number, now = Date.now()): Promise<string> {
    return timed(timer('jwt_signer', 'RS256 signatures of issued JWTs'), () =>
      new SignJWT(claims)
        .setProtectedHeader({ typ: 'JWT', alg: 'RS256' })
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(Math.floor(expiresAtMs / 1000))
        .sign(this.keys.privateKey),
    );
  }

  /** A token with `iat` and no `exp` (participation links in invitation mails, rest-api.md §5.9). */
  signWithoutExpiry(claims: JWTPayload, now = Date.now()): Promise<string> {
    return timed(timer('jwt_signer', 'RS256 signatures of issued JWTs'), () =>
      new SignJWT(claims)
        .setProtectedHeader({ typ: 'JWT', alg: 'RS256' })
        .setIssuedAt(Math.floor(now / 1000))
        .sign(this.keys.privateKey),
    );
  }

  /** The payload when one of the public keys verifies the token and it has not expired; throws otherwise. */
  async verify(token: string): Promise<JWTPayload> {
    let lastError: unknown;
    for (const key of this.keys.publicKeys) {
      try {
        return (await jwtVerify(token, key, { algorithms: ['RS256'] })).payload;
      } catch (error) {
        lastError = error;
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
      }
    }
    throw lastError instanceof Error ? lastError : new Error('token not verified');
  }
}
