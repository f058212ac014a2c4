import { Query } from '@nestjs/cqrs';
import type { EffectiveDomainSettings } from '../../effective-domain-settings';

/** The effective settings of a domain, by name (webadmin.md §6.3 resolution rules). */
export class GetDomainSettingsQuery extends Query<EffectiveDomainSettings> {
  constructor(public readonly domainName: string) {
    super();
  }
}
