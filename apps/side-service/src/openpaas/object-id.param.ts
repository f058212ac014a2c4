import { InvalidArgumentError, isObjectIdHex } from '@app/core';

/**
 * Ids of users and domains in paths: a malformed one is a client error (400), as with the original's MongoDB
 * backend (rest-api.md §1). Resources and team calendars answer 404 instead (storage.md §1).
 */
export function requireObjectId(value: string, what: string): string {
  if (!isObjectIdHex(value))
    throw new InvalidArgumentError(`Invalid ${what} id`, `Invalid ${what} id: ${value}`);
  return value.toLowerCase();
}
