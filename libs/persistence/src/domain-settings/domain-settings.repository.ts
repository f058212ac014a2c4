import { DomainSettings } from './domain-settings';

/** Port over `domain_settings`, keyed by domain **name**. */
export abstract class DomainSettingsRepository {
  /** The stored overrides of the domain (`{}` when none); unreadable values are ignored. */
  abstract findByDomain(domainName: string): Promise<DomainSettings>;
  /** Replaces the stored overrides: present fields are set, absent ones removed (upsert). */
  abstract save(domainName: string, settings: DomainSettings): Promise<void>;
}
