import type { AuthConfig } from '@app/config';
import { sameSecret } from '@app/core';
import { timed, timer } from '@app/observability';
import { AuthenticatedUser, CredentialSource } from '../authenticated-user';
import { AuthenticationRejectedError, MalformedCredentialError } from '../auth.errors';
import { CredentialResolver } from '../credential-resolver';
import { PasswordVerifier } from './password-verifier';

/** Standard base64 plus the URL-safe alphabet; the original's narrower charset (no `+`, `/`) is not kept. */
const BASE64 = /^[A-Za-z0-9+/_=-]+$/;

/** `Authorization: Basic …`: the admin account always, regular users when BASIC_AUTH_ENABLED. */
export class BasicCredentialResolver extends CredentialResolver {
  readonly name = 'basic';

  constructor(
    private readonly config: Pick<AuthConfig, 'adminUsername' | 'adminPassword' | 'basicAuthEnabled'>,
    private readonly passwords: PasswordVerifier,
  ) {
    super();
  }

  async resolve(source: CredentialSource): Promise<AuthenticatedUser | undefined> {
    const header = source.rawAuthorization[0];
    if (!header?.startsWith('Basic ')) return undefined;
    const encoded = header.slice('Basic '.length).trim();
    if (!BASE64.test(encoded)) throw new MalformedCredentialError('Invalid char in basic auth string');
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new MalformedCredentialError('Basic auth string must contain a colon');
    const username = decoded.slice(0, colon).trim().toLowerCase();
    const password = decoded.slice(colon + 1);

    if (username === this.config.adminUsername && sameSecret(password, this.config.adminPassword))
      return { username, isAdmin: true, method: 'basic' };
    if (!this.config.basicAuthEnabled) return undefined;
    const verified = await timed(timer('basic_auth', 'Password checks of Basic authentication'), () =>
      this.passwords.verify(username, password),
    );
    if (verified) return { username, isAdmin: false, method: 'basic' };
    throw new AuthenticationRejectedError('wrong username or password');
  }
}
