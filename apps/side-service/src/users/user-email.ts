import { InvalidArgumentError, isValidMailAddress, normalizeMailAddress } from '@app/core';

/** Validated, lower-case e-mail address; `InvalidArgumentError` otherwise. */
export function assertMailAddress(email: string): string {
  const normalized = normalizeMailAddress(email);
  if (!isValidMailAddress(normalized)) throw new InvalidArgumentError(`Invalid email address: ${email}`);
  return normalized;
}
