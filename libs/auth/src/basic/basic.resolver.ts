import type { AuthConfig } from '@app/config';
import { isUsablePassword, sameSecret } from '@app/core';
import { timed, timer } from '@app/observability';
import { AuthenticatedUser, CredentialSource } from '../authenticated-user';
import { AuthenticationRejectedError } from '../auth.errors';
import { CredentialResolver } from '../credential-resolver';
import { LoginThrottle } from '../throttling/login-throttle';
import { PasswordVerifier } from './password-verifier';

/** Standard base64 plus the URL-safe alphabet; the original's narrower charset (no `+`, `/`) is not kept. */
const BASE64 = /^[A-Za-z0-9+/_=-]+$/;

/** `Authorization: Basic …`: the admin account always, regular users when BASIC_AUTH_ENABLED. */
export class BasicCredentialResolver extends CredentialResolver {
  readonly name = 'basic';

  constructor(
    private readonly config: Pick<AuthConfig, 'adminUsername' | 'adminPassword' | 'basicAuthEnabled'>,
    private readonly passwords: PasswordVerifier,
    private readonly throttle: LoginThrottle,
  ) {
    super();
  }

  async resolve(source: CredentialSource): Promise<AuthenticatedUser | undefined> {
    const header = source.rawAuthorization[0];
    if (!header?.startsWith('Basic ')) return undefined;
    const encoded = header.slice('Basic '.length).trim();
    // A malformed Basic credential is a failed authentication like any other: 401 (not the original's 400).
    if (!BASE64.test(encoded)) throw new AuthenticationRejectedError('Invalid char in basic auth string');
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new AuthenticationRejectedError('Basic auth string must contain a colon');
    const username = decoded.slice(0, colon).trim().toLowerCase();
    const password = decoded.slice(colon + 1);
    const attempt = { account: username, address: source.clientAddress };
    await this.throttle.check(attempt);
    if (username === '' || !isUsablePassword(password)) {
      await this.throttle.failed(attempt);
      throw new AuthenticationRejectedError('empty username or password');
    }

    if (username === this.config.adminUsername) {
      if (sameSecret(password, this.config.adminPassword)) {
        await this.throttle.succeeded(attempt);
        return { username, isAdmin: true, method: 'basic' };
      }
      await this.throttle.failed(attempt);
    }
    if (!this.config.basicAuthEnabled) return undefined;
    const verified = await timed(timer('basic_auth', 'Password checks of Basic authentication'), () =>
      this.passwords.verify(username, password),
    );
    if (verified) {
      await this.throttle.succeeded(attempt);
      return { username, isAdmin: false, method: 'basic' };
    }
    await this.throttle.failed(attempt);
    throw new AuthenticationRejectedError('wrong username or password');
  }
}
