import { Query } from '@nestjs/cqrs';
import type { DomainSettings } from '@app/persistence';

/** The overrides stored for a domain (by name), without fallbacks. */
export class GetStoredDomainSettingsQuery extends Query<DomainSettings> {
  constructor(public readonly domainName: string) {
    super();
  }
}
