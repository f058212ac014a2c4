import { KeyObject, createPublicKey } from 'node:crypto';
import { JWTPayload, errors, jwtVerify } from 'jose';

/** The claims of a verified token (registered ones such as `sub`, `iat`, `exp`, and the issuer's own). */
export type TokenClaims = JWTPayload;

/** Whether a verification failed only because the token has expired (a signed link past its `exp`). */
export function isExpiredTokenError(error: unknown): boolean {
  return error instanceof errors.JWTExpired;
}

/** Verifies RS256 tokens against one public key (PEM): the webadmin administrators' bearer tokens. */
export class Rs256TokenVerifier {
  private readonly key: KeyObject;

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }

  /** The claims of a token this key signed and that has not expired; throws otherwise. */
  async verify(token: string): Promise<TokenClaims> {
    return (await jwtVerify(token, this.key, { algorithms: ['RS256'] })).payload;
  }
}
