import { Inject, Injectable } from '@nestjs/common';
import { sign } from 'node:crypto';
import { JWTPayload, errors, jwtVerify } from 'jose';
import { timed, timer } from '@app/observability';
import { JwtKeys } from './jwt-keys';

export const JWT_VALIDITY_MS = Symbol('JWT_VALIDITY_MS');

/** `{"typ":"JWT","alg":"RS256"}`, the protected header of every token, base64url-encoded once. */
const RS256_HEADER = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256' })).toString('base64url');

/** RS256 tokens of the OpenPaaS-compatible kind, signed with the key shared with the DAV server. */
@Injectable()
export class UserJwtService {
  constructor(
    private readonly keys: JwtKeys,
    @Inject(JWT_VALIDITY_MS) private readonly validityMs: number,
  ) {
    if (keys.privateKey.asymmetricKeyType !== 'rsa')
      throw new Error(`the JWT private key must be an RSA key, not ${keys.privateKey.asymmetricKeyType}`);
  }

  /** Bearer token for `POST /api/jwt/generate`: `sub`, `twake_calendar_auth_type: "jwt"`, `iat`, `exp`. */
  signUserToken(username: string, now = Date.now()): Promise<string> {
    return this.sign({ sub: username, twake_calendar_auth_type: 'jwt' }, now + this.validityMs, now);
  }

  /** Any other token signed with the same key (participation links, moderation links). */
  sign(claims: JWTPayload, expiresAtMs: number, now = Date.now()): Promise<string> {
    return this.compact({ ...claims, iat: Math.floor(now / 1000), exp: Math.floor(expiresAtMs / 1000) });
  }

  /** A token with `iat` and no `exp` (participation links in invitation mails, rest-api.md §5.9). */
  signWithoutExpiry(claims: JWTPayload, now = Date.now()): Promise<string> {
    return this.compact({ ...claims, iat: Math.floor(now / 1000) });
  }

  /**
   * The compact JWS, byte for byte what jose's `SignJWT` writes for the same header and claims (RS256 signatures
   * are deterministic), signed synchronously: jose signs on libuv's pool, and the hop cost ~40% more CPU than the
   * 0.26 ms signature itself (three per invitation mail; bench/README.md).
   */
  private compact(payload: JWTPayload): Promise<string> {
    return timed(timer('jwt_signer', 'RS256 signatures of issued JWTs'), () => {
      const input = `${RS256_HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return Promise.resolve(
        `${input}.${sign('sha256', Buffer.from(input), this.keys.privateKey).toString('base64url')}`,
      );
    });
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
