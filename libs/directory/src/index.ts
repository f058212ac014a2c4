export * from './directory';
export * from './directory.module';
export * from './directory.tokens';
export * from './ldap-client';
export * from './ldap.directory';
export * from './credential-directory';
export * from './memory-credential-directory';
export * from './ldap-filter';
