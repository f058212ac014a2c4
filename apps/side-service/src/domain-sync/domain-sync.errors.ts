import { InvalidArgumentError, NotFoundError } from '@app/core';

/** Every message the domain-member routes answer (webadmin.md §6.4–6.5), in one place. */
export class MembersDomainNotFoundError extends NotFoundError {
  constructor(domain: string) {
    super(`domain not found: ${domain}`);
  }
}

export class InvalidLdapFilterError extends InvalidArgumentError {
  constructor(filter: string) {
    super(`Invalid 'ldapFilter' parameter: ${filter}`);
  }
}

export class InvalidIgnoredDomainError extends InvalidArgumentError {
  constructor(domain: string) {
    super(`Invalid 'ignoredDomains' parameter: ${domain}`, `Invalid domain: ${domain}`);
  }
}

export class InvalidMembersDomainError extends InvalidArgumentError {
  constructor(domain: string) {
    super(`Invalid domain: ${domain}`);
  }
}

export const SUPPORTED_SYNC_TASKS = ['sync'];

/** Reached only if a route skipped the LDAP availability check. */
export class LdapNotConfiguredError extends NotFoundError {
  constructor() {
    super('LDAP is not configured');
  }
}
