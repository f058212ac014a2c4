import type { Request } from 'express';
import { CredentialSource } from '../authenticated-user';

const AUTHORIZATION = 'authorization';

export function credentialSourceOf(request: Request): CredentialSource {
  const rawAuthorization: string[] = [];
  const raw = request.rawHeaders ?? [];
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!;
    // The length first: no lower-cased copy of every other header name.
    if (name.length === AUTHORIZATION.length && name.toLowerCase() === AUTHORIZATION)
      rawAuthorization.push(raw[index + 1]!);
  }
  return {
    headers: request.headers,
    rawAuthorization,
    // Parsed only when a resolver reads it (express parses the query string at every `request.query`).
    get query() {
      return (request.query ?? {}) as Record<string, unknown>;
    },
    clientAddress: request.socket?.remoteAddress,
  };
}
