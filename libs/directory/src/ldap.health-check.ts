import { Inject, Injectable } from '@nestjs/common';
import type { LdapConfig } from '@app/config';
import { HealthComponent, ProbeHealthCheck } from '@app/observability';
import { LDAP_CONFIG } from './directory.tokens';
import { escapeFilterValue, openLdapClient } from './ldap-client';

/** A user look-up (`ldap-test`) must succeed; finding nobody is fine. */
@HealthComponent()
@Injectable()
export class LdapHealthCheck extends ProbeHealthCheck {
  readonly componentName = 'LDAP User Server';

  constructor(@Inject(LDAP_CONFIG) private readonly config: LdapConfig | null) {
    super();
  }

  override get enabled(): boolean {
    return this.config !== null;
  }

  protected async probe(): Promise<void> {
    const config = this.config!;
    const client = await openLdapClient(config);
    try {
      await client.search(config.userBase, {
        scope: 'sub',
        filter: `(&(objectClass=${escapeFilterValue(config.userObjectClass)})(${config.userIdAttribute}=ldap-test))`,
        sizeLimit: 1,
        attributes: ['mail'],
      });
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
}
