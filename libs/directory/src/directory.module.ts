import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { LDAP_CONFIG } from './directory.tokens';
import { LdapHealthCheck } from './ldap.health-check';

/** LDAP directory (ldapts) when `LDAP_URL` is set. Authentication and look-up ports join here. */
@Global()
@Module({
  providers: [
    {
      provide: LDAP_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => config.get('ldap', { infer: true }) ?? null,
    },
    LdapHealthCheck,
  ],
  exports: [LDAP_CONFIG],
})
export class DirectoryModule {}
