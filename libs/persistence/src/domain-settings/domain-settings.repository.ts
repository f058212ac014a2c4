import { DomainSettings } from './domain-settings';

/** Port over `domain_settings`, keyed by domain **name**. */
export abstract class DomainSettingsRepository {
  /** The stored overrides of the domain (`{}` when none); unreadable values are ignored. */
  abstract findByDomain(domainName: string): Promise<DomainSettings>;
  /** Replaces the stored overrides: present fields are set, absent ones removed (upsert). */
  abstract save(domainName: string, settings: DomainSettings): Promise<void>;
  /** Sets the fields of `set`, removes those of `unset`, others untouched (upsert); nothing to do, no write. */
  abstract patch(
    domainName: string,
    set: DomainSettings,
    unset: readonly (keyof DomainSettings)[],
  ): Promise<void>;
}
