import { ConfigurationEntry } from './configuration';

/** Port over `configurations` (per-user settings). */
export abstract class ConfigurationRepository {
  /**
   * Every stored entry of the user (empty when the user has no document). Throws `MalformedConfigurationError`
   * when the document breaks the layout.
   */
  abstract findEntries(domainId: string, userId: string): Promise<ConfigurationEntry[]>;

  /**
   * Replaces the user's whole entry set, grouped by module in the order given (`$set` of `modules`, upsert): merging
   * with stored values is the caller's job. An empty set stores `modules: []`.
   */
  abstract replaceEntries(domainId: string, userId: string, entries: ConfigurationEntry[]): Promise<void>;
}
