import type * as Ldapts from 'ldapts';

let loaded: typeof Ldapts | undefined;

/**
 * The ldapts driver, loaded at the first bind, search or filter check rather than at boot: a service that never
 * reaches LDAP does not keep its code in memory (issue 17, idle RSS). The configuration is still validated at boot.
 */
export function ldapts(): typeof Ldapts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('ldapts') as typeof Ldapts);
}
