import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { nameBasedUuid } from '@app/core';

export const TECHNICAL_TOKEN_ISSUER = 'Twake-calendar-side-service';

/** The `data` claim of a technical token (also the introspection answer, plus `domain`). */
export interface TechnicalTokenData {
  _id: string;
  name: string;
  description: string;
  domainId: string;
  type: 'dav';
  user_type: 'technical';
  schemaVersion: 1;
  __v: 0;
  data: { principal: string };
}

export function technicalTokenData(domainId: string): TechnicalTokenData {
  return {
    data: { principal: 'principals/technicalUser' },
    type: 'dav',
    user_type: 'technical',
    schemaVersion: 1,
    __v: 0,
    name: 'Sabre Dav',
    description: 'Allows to authenticate on Sabre DAV',
    domainId,
    _id: nameBasedUuid(domainId),
  };
}

/**
 * Stateless HS256 tokens the service sends to esn-sabre (`TwakeCalendarToken` header) to act for a domain;
 * esn-sabre checks them back through `GET /api/technicalToken/introspect`.
 */
export class TechnicalTokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string | undefined,
    private readonly expirationSeconds: number,
  ) {
    this.key = secret ? new TextEncoder().encode(secret) : randomBytes(32);
  }

  mint(domainId: string, now = Date.now()): Promise<string> {
    return new SignJWT({
      domainId,
      technicalToken: true,
      data: technicalTokenData(domainId) as unknown as Record<string, unknown>,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TECHNICAL_TOKEN_ISSUER)
      .setExpirationTime(Math.floor(now / 1000) + this.expirationSeconds)
      .sign(this.key);
  }

  /** The token's `data` when it is a valid, unexpired technical token of ours; `undefined` otherwise. */
  async verify(token: string): Promise<TechnicalTokenData | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: TECHNICAL_TOKEN_ISSUER,
      });
      const data = payload.data as TechnicalTokenData | undefined;
      if (
        payload.technicalToken !== true ||
        typeof payload.domainId !== 'string' ||
        !data ||
        data.domainId !== payload.domainId
      )
        return undefined;
      return data;
    } catch {
      return undefined;
    }
  }
}
