import { InvalidArgumentError, isValidDomainName, normalizeDomainName } from '@app/core';

/** Validated, lower-case domain name; `InvalidArgumentError` otherwise. */
export function assertDomainName(name: string): string {
  const normalized = normalizeDomainName(name);
  if (!isValidDomainName(normalized)) throw new InvalidArgumentError(`Invalid domain: ${name}`);
  return normalized;
}
