export * from './directory.module';
export * from './directory.tokens';
export * from './ldap-client';
