import { InvalidArgumentError } from '@app/core';
import { UserRepository } from '@app/persistence';
import type { AdministratorGrant } from './resource-calendar-sharing';

/** An address that must belong to a registered user: 400 `Username '<u>' must exist` otherwise. */
export class UnknownUsernameError extends InvalidArgumentError {
  constructor(username: string) {
    super(`Username '${username}' must exist`);
  }
}

/** Checks that every address is a registered user; returns their ids by address. */
export async function registeredUsers(users: UserRepository, emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const found = new Map(
    (await users.findByEmails(wanted)).map((user) => [user.email.toLowerCase(), user.id]),
  );
  const missing = wanted.find((email) => !found.has(email));
  if (missing) throw new UnknownUsernameError(missing);
  return found;
}

/** One grant per address (the last one listed wins), addresses in lower case. */
export function distinctGrants(grants: readonly AdministratorGrant[]): AdministratorGrant[] {
  const byEmail = new Map<string, AdministratorGrant>();
  for (const grant of grants)
    byEmail.set(grant.email.toLowerCase(), { ...grant, email: grant.email.toLowerCase() });
  return [...byEmail.values()];
}
