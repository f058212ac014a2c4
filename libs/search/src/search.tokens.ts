import type { Client } from '@opensearch-project/opensearch';

/**
 * The `OPENSEARCH_CLIENT` provider: the (lazily connecting) client held in a plain object, so that the explorers
 * scanning every provider at boot never touch the client itself (which would load the driver).
 */
export interface OpensearchClientRef {
  readonly client: Client | null;
}

export const OPENSEARCH_CLIENT = Symbol('OPENSEARCH_CLIENT');
