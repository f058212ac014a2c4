import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainSettings, DomainSettingsRepository } from '@app/persistence';
import { GetStoredDomainSettingsQuery } from './get-stored-domain-settings.query';

@QueryHandler(GetStoredDomainSettingsQuery)
export class GetStoredDomainSettingsHandler implements IQueryHandler<GetStoredDomainSettingsQuery> {
  constructor(private readonly settings: DomainSettingsRepository) {}

  execute(query: GetStoredDomainSettingsQuery): Promise<DomainSettings> {
    return this.settings.findByDomain(query.domainName);
  }
}
