/**
 * The port through which authentication registers a caller it has just proved (OIDC first contact). Authentication
 * only authenticates: the users feature provides this (`UserProvisioningModule`) and owns what a new user document
 * holds.
 */
export abstract class UserProvisioner {
  /**
   * Makes sure `email` has a `users` document, named after the identity provider's claims when it gives them.
   * Rejects with the persistence `DomainNotFoundError` when the address's domain is unknown.
   */
  abstract ensureFromIdentityProvider(
    email: string,
    names: { givenName?: string; familyName?: string },
  ): Promise<unknown>;
}
