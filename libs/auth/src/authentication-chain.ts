import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser, CredentialSource } from './authenticated-user';
import { AuthenticationRejectedError, MalformedCredentialError } from './auth.errors';
import { CredentialResolver } from './credential-resolver';

export const CREDENTIAL_RESOLVERS = Symbol('CREDENTIAL_RESOLVERS');

/**
 * Tries the resolvers in order (Basic, calendar JWT, OIDC with its lemon-cookie fallback, ticket): the first that
 * yields a user wins; one that recognises and refuses its credential stops the chain.
 */
@Injectable()
export class AuthenticationChain {
  constructor(@Inject(CREDENTIAL_RESOLVERS) private readonly resolvers: CredentialResolver[]) {}

  /** A caller whose credential this process has already validated and still holds, synchronously; else `undefined`. */
  authenticateFromCache(source: CredentialSource): AuthenticatedUser | undefined {
    for (const resolver of this.resolvers) {
      const user = resolver.resolveCached?.(source);
      if (user) return user;
    }
    return undefined;
  }

  async authenticate(source: CredentialSource): Promise<AuthenticatedUser> {
    if (source.rawAuthorization.length > 1)
      throw new MalformedCredentialError('Only one set of credential is allowed');
    for (const resolver of this.resolvers) {
      const user = await resolver.resolve(source);
      if (user) return user;
    }
    throw new AuthenticationRejectedError('no credential');
  }
}
