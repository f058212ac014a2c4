import { Logger } from '@nestjs/common';
import { JWTPayload, createRemoteJWKSet, jwtVerify } from 'jose';
import type { OidcConfig } from '@app/config';
import { InvalidArgumentError } from '@app/core';
import { jwtPayloadOf } from '../credential-resolver';
import { OidcTokenCache } from './oidc-token-cache';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * OIDC back-channel logout: drops every cached token of the session (`sid`) or subject (`sub`) named by the
 * identity provider's logout token, forcing re-introspection. With OIDC_ISSUER and OIDC_JWKS_URL the token is
 * verified (signature, issuer, audience, logout event, no nonce); without them only its shape is checked, as the
 * original does.
 */
export class BackChannelLogoutService {
  private readonly logger = new Logger(BackChannelLogoutService.name);
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly cache: OidcTokenCache,
    private readonly oidc: OidcConfig | undefined,
  ) {
    if (oidc?.jwksUrl) this.jwks = createRemoteJWKSet(new URL(oidc.jwksUrl), { timeoutDuration: 5_000 });
  }

  async logout(logoutToken: string): Promise<{ evicted: number }> {
    const claims = this.jwks ? await this.verified(logoutToken) : this.unverified(logoutToken);
    const sid = typeof claims.sid === 'string' && claims.sid !== '' ? claims.sid : undefined;
    const sub = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : undefined;
    const evicted = await this.cache.evict({ sid, sub: this.jwks ? sub : undefined });
    this.logger.log(`back-channel logout: ${evicted} cached token(s) dropped`);
    return { evicted };
  }

  private unverified(token: string): JWTPayload {
    const payload = jwtPayloadOf(token);
    if (!payload) throw new InvalidArgumentError('Invalid logout_token', 'logout_token is not a JWT');
    if (typeof payload.sid !== 'string' || payload.sid === '')
      throw new InvalidArgumentError('Invalid logout_token', 'logout_token has no sid');
    return payload;
  }

  private async verified(token: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks!, {
        issuer: this.oidc!.issuer,
        audience: this.oidc!.audiences,
        clockTolerance: 60,
      }));
    } catch (error) {
      throw new InvalidArgumentError('Invalid logout_token', (error as Error).message);
    }
    const events = payload.events as Record<string, unknown> | undefined;
    if (typeof events !== 'object' || events === null || !(LOGOUT_EVENT in events))
      throw new InvalidArgumentError(
        'Invalid logout_token',
        'logout_token lacks the back-channel logout event',
      );
    if ('nonce' in payload)
      throw new InvalidArgumentError('Invalid logout_token', 'logout_token must not carry a nonce');
    if (!payload.sid && !payload.sub)
      throw new InvalidArgumentError('Invalid logout_token', 'logout_token names neither sid nor sub');
    return payload;
  }
}
