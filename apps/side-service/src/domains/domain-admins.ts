import { NotFoundError, normalizeMailAddress } from '@app/core';
import { Domain, DomainNotFoundError, DomainRepository, User, UserRepository } from '@app/persistence';

export class AdminNotFoundError extends NotFoundError {
  constructor(username: string) {
    super(`Admin username not found: ${username}`);
  }
}

/** The domain and the registered user named by an admin route; not-found errors otherwise. */
export async function domainAndUser(
  domains: DomainRepository,
  users: UserRepository,
  domainName: string,
  username: string,
): Promise<{ domain: Domain; user: User }> {
  const domain = await domains.findByName(domainName);
  if (!domain) throw new DomainNotFoundError(domainName);
  const user = await users.findByEmail(normalizeMailAddress(username));
  if (!user) throw new AdminNotFoundError(username);
  return { domain, user };
}
