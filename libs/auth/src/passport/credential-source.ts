import type { Request } from 'express';
import { CredentialSource } from '../authenticated-user';

export function credentialSourceOf(request: Request): CredentialSource {
  const rawAuthorization: string[] = [];
  const raw = request.rawHeaders ?? [];
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]!.toLowerCase() === 'authorization') rawAuthorization.push(raw[index + 1]!);
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
