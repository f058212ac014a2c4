import { Inject, Injectable } from '@nestjs/common';
import type { LdapConfig } from '@app/config';
import {
  ComponentHealth,
  HealthCheck,
  HealthComponent,
  causeOf,
  healthy,
  unhealthy,
} from '@app/observability';
import { LDAP_CONFIG } from './directory.tokens';
import { escapeFilterValue, openLdapClient } from './ldap-client';

/** A user look-up (`ldap-test`) must succeed; finding nobody is fine. */
@HealthComponent()
@Injectable()
export class LdapHealthCheck extends HealthCheck {
  readonly componentName = 'LDAP User Server';

  constructor(@Inject(LDAP_CONFIG) private readonly config: LdapConfig | null) {
    super();
  }

  override get enabled(): boolean {
    return this.config !== null;
  }

  async check(): Promise<ComponentHealth> {
    if (!this.config) return unhealthy('LDAP is not configured');
    try {
      const client = await openLdapClient(this.config);
      try {
        await client.search(this.config.userBase, {
          scope: 'sub',
          filter: `(&(objectClass=${escapeFilterValue(this.config.userObjectClass)})(${this.config.userIdAttribute}=ldap-test))`,
          sizeLimit: 1,
          attributes: ['mail'],
        });
        return healthy();
      } finally {
        await client.unbind().catch(() => undefined);
      }
    } catch (error) {
      return unhealthy(causeOf(error));
    }
  }
}
