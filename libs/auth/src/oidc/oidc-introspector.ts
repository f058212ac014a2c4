import type { OidcConfig } from '@app/config';
import { UpstreamHttpClient, UpstreamResponse } from '@app/http-client';
import { timed, timer } from '@app/observability';
import { AuthenticationRejectedError } from '../auth.errors';
import { OidcTokenEntry } from './oidc-token-cache';

export interface IntrospectedToken extends OidcTokenEntry {
  givenName?: string;
  familyName?: string;
}

const TIMEOUT_MS = 10_000;

async function jsonObject(call: Promise<UpstreamResponse>, what: string): Promise<Record<string, unknown>> {
  let response;
  try {
    response = await call;
  } catch (error) {
    throw new AuthenticationRejectedError(`${what} unreachable: ${(error as Error).message}`);
  }
  if (response.status !== 200) {
    await response.body.dump();
    throw new AuthenticationRejectedError(`${what} answered ${response.status}`);
  }
  const body = await response.body.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AuthenticationRejectedError(`${what} did not answer a JSON object`);
  return body as Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Userinfo and RFC 7662 introspection of an opaque token, called in parallel. */
export class OidcIntrospector {
  constructor(
    private readonly config: OidcConfig,
    private readonly http: UpstreamHttpClient,
  ) {}

  async introspect(token: string): Promise<IntrospectedToken> {
    const [userinfo, introspection] = await Promise.all([
      timed(timer('userinfo_lookup', 'OIDC userinfo calls'), () =>
        jsonObject(
          this.http.send({
            url: this.config.userInfoUrl,
            method: 'GET',
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            signal: AbortSignal.timeout(TIMEOUT_MS),
            timeoutMs: TIMEOUT_MS,
          }),
          'userinfo',
        ),
      ),
      timed(timer('introspection_lookup', 'OIDC token introspection calls'), () =>
        jsonObject(
          this.http.send({
            url: this.config.introspectUrl,
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
              ...(this.config.introspectCredentials
                ? { authorization: this.config.introspectCredentials }
                : {}),
            },
            body: new URLSearchParams({ token }).toString(),
            signal: AbortSignal.timeout(TIMEOUT_MS),
            timeoutMs: TIMEOUT_MS,
          }),
          'introspection',
        ),
      ),
    ]);
    if (typeof introspection.active !== 'boolean')
      throw new AuthenticationRejectedError('introspection without active');
    if (!introspection.active) throw new AuthenticationRejectedError('token is not active');
    const email = text(userinfo[this.config.claim]);
    if (!email) throw new AuthenticationRejectedError(`userinfo lacks the ${this.config.claim} claim`);
    if (typeof introspection.exp !== 'number')
      throw new AuthenticationRejectedError('introspection without exp');
    const aud = introspection.aud;
    return {
      email: email.toLowerCase(),
      exp: introspection.exp,
      aud:
        typeof aud === 'string'
          ? [aud]
          : Array.isArray(aud)
            ? aud.filter((item): item is string => typeof item === 'string')
            : [],
      sid: text(userinfo.sid) ?? text(introspection.sid),
      sub: text(introspection.sub) ?? text(userinfo.sub),
      givenName: text(userinfo.given_name),
      familyName: text(userinfo.family_name),
    };
  }
}
