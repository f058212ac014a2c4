import { AuthenticatedUser, CredentialSource } from './authenticated-user';

/**
 * One way of proving who one is. `resolve` returns the user, `undefined` when the request carries no credential
 * of this kind (the next resolver is tried), or throws `AuthenticationRejectedError` / `MalformedCredentialError`
 * when it recognises its credential and refuses it (the chain stops).
 */
export abstract class CredentialResolver {
  abstract readonly name: string;
  abstract resolve(source: CredentialSource): Promise<AuthenticatedUser | undefined>;
  /** Optional synchronous answer from an in-process cache, tried before the strategy runs. */
  resolveCached?(source: CredentialSource): AuthenticatedUser | undefined;
}

/** `Authorization: Bearer <token>`, prefix matched case-insensitively. */
export function bearerTokenOf(source: CredentialSource): string | undefined {
  const header = source.rawAuthorization[0];
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1]?.trim() || undefined;
}

/** Decodes the payload of something shaped like a JWT, or `undefined`. */
export function jwtPayloadOf(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (!token.startsWith('eyJ') || parts.length < 2) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
