/** One user setting of the `configurations` collection (storage.md §5), e.g. module `core`, key `language`. */
export interface ConfigurationEntry {
  module: string;
  key: string;
  /** JSON value; may be `null`. */
  value: unknown;
}
