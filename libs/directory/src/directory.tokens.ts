export const LDAP_CONFIG = Symbol('LDAP_CONFIG');
