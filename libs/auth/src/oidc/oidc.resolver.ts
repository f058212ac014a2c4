import type { AuthConfig } from '@app/config';
import { UpstreamHttpClient } from '@app/http-client';
import { DomainNotFoundError } from '@app/persistence';
import { AuthenticatedUser, CredentialSource } from '../authenticated-user';
import { AuthenticationRejectedError } from '../auth.errors';
import { CredentialResolver, bearerTokenOf } from '../credential-resolver';
import { isCalendarJwt } from '../jwt/jwt.resolver';
import { UserProvisioner } from '../provisioning/user-provisioner';
import { OidcIntrospector } from './oidc-introspector';
import { OidcTokenCache, OidcTokenEntry } from './oidc-token-cache';

const LEMON_TIMEOUT_MS = 10_000;

/**
 * Opaque OIDC bearer tokens (cached validation, audience and expiry checked on every request), and the
 * LemonLDAP cookie fallback when no Bearer header is present.
 */
export class OidcCredentialResolver extends CredentialResolver {
  readonly name = 'oidc';

  constructor(
    private readonly config: Pick<AuthConfig, 'oidc' | 'lemon' | 'adminUsername'>,
    private readonly introspector: OidcIntrospector | null,
    private readonly cache: OidcTokenCache,
    private readonly provisioner: UserProvisioner,
    private readonly http: UpstreamHttpClient,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async resolve(source: CredentialSource): Promise<AuthenticatedUser | undefined> {
    const header = source.rawAuthorization[0];
    if (header !== undefined && /^Bearer(\s|$)/i.test(header.trim())) {
      const token = bearerTokenOf(source);
      if (!token) throw new AuthenticationRejectedError('empty bearer token');
      if (isCalendarJwt(token) || !this.introspector || !this.config.oidc) return undefined;
      return this.fromToken(token);
    }
    if (header === undefined && this.config.lemon) return this.fromLemonCookie(source);
    return undefined;
  }

  /**
   * The user of a bearer token whose validation this process holds, without any I/O; `undefined` when the token
   * is unknown here (the full chain then runs). Audience and expiry are checked as on every request.
   */
  override resolveCached(source: CredentialSource): AuthenticatedUser | undefined {
    const header = source.rawAuthorization[0];
    if (source.rawAuthorization.length !== 1 || !header || !this.config.oidc || !/^Bearer\s/i.test(header))
      return undefined;
    const token = bearerTokenOf(source);
    const entry = token ? this.cache.peek(token) : undefined;
    return entry ? this.userOf(entry) : undefined;
  }

  private userOf(entry: OidcTokenEntry): AuthenticatedUser {
    const oidc = this.config.oidc!;
    if (!entry.aud.some((audience) => oidc.audiences.includes(audience)))
      throw new AuthenticationRejectedError('token audience not accepted');
    if (this.now() > entry.exp * 1000) throw new AuthenticationRejectedError('token expired');
    return { username: entry.email, isAdmin: entry.email === this.config.adminUsername, method: 'oidc' };
  }

  private async fromToken(token: string): Promise<AuthenticatedUser> {
    const oidc = this.config.oidc!;
    let entry: OidcTokenEntry | undefined = await this.cache.get(token);
    if (!entry) {
      const introspected = await this.introspector!.introspect(token);
      if (oidc.provisioning) {
        try {
          await this.provisioner.ensureFromIdentityProvider(introspected.email, introspected);
        } catch (error) {
          if (error instanceof DomainNotFoundError)
            throw new Error(`cannot provision ${introspected.email}: ${error.message}`);
          throw error;
        }
      }
      entry = {
        email: introspected.email,
        exp: introspected.exp,
        aud: introspected.aud,
        sid: introspected.sid,
        sub: introspected.sub,
      };
      await this.cache.put(token, entry);
    }
    if (!entry.aud.some((audience) => oidc.audiences.includes(audience)))
      throw new AuthenticationRejectedError('token audience not accepted');
    if (this.now() > entry.exp * 1000) throw new AuthenticationRejectedError('token expired');
    return { username: entry.email, isAdmin: entry.email === this.config.adminUsername, method: 'oidc' };
  }

  private async fromLemonCookie(source: CredentialSource): Promise<AuthenticatedUser | undefined> {
    const header = source.headers.cookie;
    const cookies = (Array.isArray(header) ? header.join(';') : (header ?? ''))
      .split(';')
      .map((item) => item.trim());
    const cookie = cookies.find((item) => item.startsWith('lemonldap='));
    if (!cookie) return undefined;
    const lemon = this.config.lemon!;
    let login: unknown;
    try {
      const response = await this.http.send({
        url: lemon.resolutionUrl,
        method: 'GET',
        headers: { accept: 'application/json', cookie },
        signal: AbortSignal.timeout(LEMON_TIMEOUT_MS),
        timeoutMs: LEMON_TIMEOUT_MS,
      });
      if (response.status !== 200) {
        await response.body.dump();
        throw new AuthenticationRejectedError(`lemon resolution answered ${response.status}`);
      }
      login = ((await response.body.json()) as { result?: unknown } | null)?.result;
    } catch (error) {
      if (error instanceof AuthenticationRejectedError) throw error;
      throw new AuthenticationRejectedError(`lemon resolution failed: ${(error as Error).message}`);
    }
    if (typeof login !== 'string' || login.trim() === '')
      throw new AuthenticationRejectedError('lemon resolution without result');
    const username = `${login.trim()}@${lemon.domain}`.toLowerCase();
    return { username, isAdmin: username === this.config.adminUsername, method: 'lemon' };
  }
}
