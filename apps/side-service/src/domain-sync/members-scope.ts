import { Injectable } from '@nestjs/common';
import { isValidDomainName, normalizeDomainName } from '@app/core';
import { DomainRepository } from '@app/persistence';
import type { MembersScope } from './domain-members-run';
import {
  InvalidIgnoredDomainError,
  InvalidMembersDomainError,
  MembersDomainNotFoundError,
} from './domain-sync.errors';

/** The scope of a sync or clear request: a registered domain, or all domains minus `ignoredDomains`. */
@Injectable()
export class MembersScopeResolver {
  constructor(private readonly domains: DomainRepository) {}

  async resolve(domain: string | undefined, ignoredDomains: string | undefined): Promise<MembersScope> {
    if (domain !== undefined) {
      const name = normalizeDomainName(domain);
      if (!isValidDomainName(name)) throw new InvalidMembersDomainError(domain);
      const found = await this.domains.findByName(name);
      if (!found) throw new MembersDomainNotFoundError(name);
      return { kind: 'domain', domain: found };
    }
    return { kind: 'all', ignoredDomains: parseIgnoredDomains(ignoredDomains) };
  }
}

/** Comma-separated, trimmed, empty items dropped; blank = none; an invalid name is refused. */
export function parseIgnoredDomains(raw: string | undefined): string[] {
  const names = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [
    ...new Set(
      names.map((item) => {
        const name = normalizeDomainName(item);
        if (!isValidDomainName(name)) throw new InvalidIgnoredDomainError(item);
        return name;
      }),
    ),
  ];
}
