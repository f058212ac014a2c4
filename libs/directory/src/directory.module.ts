import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig, LdapConfig } from '@app/config';
import { CredentialDirectory } from './credential-directory';
import { Directory } from './directory';
import { LdapCredentialDirectory } from './ldap-credential-directory';
import { MemoryCredentialDirectory } from './memory-credential-directory';
import { LDAP_CONFIG } from './directory.tokens';
import { LdapDirectory } from './ldap.directory';
import { LdapHealthCheck } from './ldap.health-check';

/** LDAP directory (ldapts) when `LDAP_URL` is set; `Directory` is then available, `null` otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: LDAP_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => config.get('ldap', { infer: true }) ?? null,
    },
    {
      provide: Directory,
      inject: [LDAP_CONFIG],
      useFactory: (config: LdapConfig | null) => (config ? new LdapDirectory(config) : null),
    },
    {
      provide: CredentialDirectory,
      inject: [Directory],
      useFactory: (directory: Directory | null) =>
        directory ? new LdapCredentialDirectory(directory) : new MemoryCredentialDirectory(),
    },
    LdapHealthCheck,
  ],
  exports: [LDAP_CONFIG, Directory, CredentialDirectory],
})
export class DirectoryModule {}
