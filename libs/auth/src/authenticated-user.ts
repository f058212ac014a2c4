export type AuthenticationMethod = 'basic' | 'jwt' | 'oidc' | 'lemon' | 'ticket';

/** Who made the request. `isAdmin` is the platform admin account (cross-domain access). */
export interface AuthenticatedUser {
  username: string;
  isAdmin: boolean;
  method: AuthenticationMethod;
}

/** The parts of an HTTP request that credentials are read from. */
export interface CredentialSource {
  headers: Record<string, string | string[] | undefined>;
  /** Raw `Authorization` header values, in order (more than one is refused). */
  rawAuthorization: string[];
  query: Record<string, unknown>;
  /** The peer address of the connection (the brute-force limiter counts failures per address). */
  clientAddress?: string;
}
