import type { Client } from 'ldapts';
import type { LdapConfig } from '@app/config';
import { ldapts } from './ldapts';

/** An unbound client on `url` with the configured timeouts and TLS policy. */
export function newLdapClient(config: LdapConfig, url: string): Client {
  const { Client: LdapClient } = ldapts();
  return new LdapClient({
    url,
    timeout: config.readTimeoutMs || 5_000,
    connectTimeout: config.connectionTimeoutMs || 5_000,
    tlsOptions: config.trustAllCerts ? { rejectUnauthorized: false } : undefined,
  });
}

/** A bound client on the first reachable LDAP URL, or the last error. Callers unbind. */
export async function openLdapClient(config: LdapConfig): Promise<Client> {
  let lastError: unknown;
  for (const url of config.urls) {
    const client = newLdapClient(config, url);
    try {
      if (config.bindDn) await client.bind(config.bindDn, config.bindPassword ?? '');
      return client;
    } catch (error) {
      lastError = error;
      await client.unbind().catch(() => undefined);
    }
  }
  throw lastError instanceof Error ? lastError : new Error('no LDAP URL answered');
}

/** RFC 4515 escaping of a value placed inside a filter. */
export function escapeFilterValue(value: string): string {
  return value.replace(
    /[\\*()\0]/g,
    (character) => `\\${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
