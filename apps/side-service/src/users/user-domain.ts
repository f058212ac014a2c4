import { InvalidArgumentError, domainOfMailAddress } from '@app/core';
import { Domain, DomainNotFoundError, DomainRepository } from '@app/persistence';

/** The registered domain of an address, optionally required to be `scope`. */
export async function domainOfUser(
  domains: DomainRepository,
  email: string,
  scope?: string,
): Promise<Domain> {
  const name = domainOfMailAddress(email);
  if (scope !== undefined && name !== scope.toLowerCase())
    throw new InvalidArgumentError(`Email domain must match URL domain: ${scope}`);
  const domain = await domains.findByName(name);
  if (!domain) throw new DomainNotFoundError(name);
  return domain;
}
