import type { ConfigurationEntry } from '@app/persistence';

/**
 * A user's language from their stored settings (rest-api.md §5.3, mail.md §7.2): `core.language` when it is a
 * non-blank string (trimmed), else `fallback` (DEFAULT_LANGUAGE, as a read of the settings answers).
 */
export function languageSetting(entries: readonly ConfigurationEntry[], fallback: string): string {
  const value = entries.find((entry) => entry.module === 'core' && entry.key === 'language')?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : fallback;
}
