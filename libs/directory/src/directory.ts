export interface DirectoryEntry {
  dn: string;
  mail?: string;
  uid?: string;
  cn?: string;
  sn?: string;
  givenName?: string;
  displayName?: string;
  telephoneNumber?: string;
}

export interface PersonNames {
  firstname: string;
  lastname: string;
}

/**
 * The authentication directory (credential repository): LDAP when configured. Look-ups use the configured
 * user base, object class and login attribute.
 */
export abstract class Directory {
  /** The entry whose login attribute equals `login`, if any. */
  abstract findByLogin(login: string): Promise<DirectoryEntry | undefined>;
  /** Binds as the entry found for `login`; `false` for an unknown login or a wrong password. */
  abstract verifyPassword(login: string, password: string): Promise<boolean>;
  /** Login attributes (e-mails) of every entry, optionally only those ending with `@<domain>`. */
  abstract listLogins(domain?: string): Promise<string[]>;
  /** Names for provisioning: lastname = sn, firstname = cn without the sn text (or cn). */
  abstract resolveNames(email: string): Promise<PersonNames | undefined>;
  /**
   * Entries of the user object class whose `mail` ends with `@<domain>` (subtree of the user base), optionally
   * AND-ed with `filter` (a canonical filter from `canonicalLdapFilter`). Attributes: the first value of each.
   */
  abstract searchDomainMembers(domain: string, filter?: string): Promise<DirectoryEntry[]>;
  /** Every entry of the user object class under the user base (no domain filter). */
  abstract listUserEntries(): Promise<DirectoryEntry[]>;
}

/** firstname = `cn` with every occurrence of `sn` removed and trimmed (= `cn` when `sn` is empty). */
export function namesOf(entry: Pick<DirectoryEntry, 'cn' | 'sn'>): PersonNames | undefined {
  if (!entry.cn && !entry.sn) return undefined;
  const sn = entry.sn ?? '';
  const cn = entry.cn ?? '';
  return { lastname: sn, firstname: sn ? cn.split(sn).join('').trim() : cn };
}
