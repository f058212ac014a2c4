import { ConfigService } from '@nestjs/config';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AllConfig, DomainSettingsConfig } from '@app/config';
import { DomainSettingsRepository } from '@app/persistence';
import type { EffectiveDomainSettings } from '../../effective-domain-settings';
import { GetDomainSettingsQuery } from './get-domain-settings.query';

@QueryHandler(GetDomainSettingsQuery)
export class GetDomainSettingsHandler implements IQueryHandler<GetDomainSettingsQuery> {
  private readonly defaults: DomainSettingsConfig;

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly settings: DomainSettingsRepository,
  ) {
    this.defaults = config.get('domainSettings', { infer: true });
  }

  async execute(query: GetDomainSettingsQuery): Promise<EffectiveDomainSettings> {
    const domain = query.domainName.toLowerCase();
    const stored = domain ? await this.settings.findByDomain(domain) : {};
    return {
      userSearchMode:
        stored.userSearchMode ??
        (this.defaults.userSearchDisabledDomains.includes(domain)
          ? 'disabled'
          : this.defaults.userSearchLimitedDomains.includes(domain)
            ? 'limited'
            : 'enabled'),
      resourceSearchEnabled: stored.resourceSearchEnabled ?? this.defaults.resourceSearchEnabled,
      defaultCalendarPublicVisibility:
        stored.defaultCalendarPublicVisibility ?? this.defaults.defaultCalendarPublicVisibility,
      calendarPublicVisibilitySettingEnabled:
        stored.calendarPublicVisibilitySettingEnabled ?? this.defaults.calendarPublicVisibilitySettingEnabled,
    };
  }
}
