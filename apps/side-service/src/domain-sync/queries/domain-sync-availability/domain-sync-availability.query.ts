import { Query } from '@nestjs/cqrs';

/** Whether the LDAP-backed administration routes exist (LDAP configured): domain-member sync, LDAP import. */
export class LdapRoutesAvailabilityQuery extends Query<boolean> {}
