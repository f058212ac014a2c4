import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken } from '@nestjs/mongoose';
import type * as Opensearch from '@opensearch-project/opensearch';
import type { Client } from '@opensearch-project/opensearch';
import type { Connection } from 'mongoose';
import type { AllConfig, OpensearchConfig } from '@app/config';
import { ContactSearch, EmptyContactSearch } from './contacts/contact-search';
import { OpensearchContactSearch } from './contacts/opensearch.contact-search';
import { EventSearchIndex } from './events/event-search-index';
import { MongoEventSearchIndex } from './events/mongo.event-search-index';
import { OpensearchEventSearchIndex } from './events/opensearch.event-search-index';
import { OpensearchHealthCheck } from './opensearch.health-check';
import { OPENSEARCH_CLIENT, OpensearchClientRef } from './search.tokens';

/** Properties that are probed on any provider or awaited value (lifecycle hooks, `then`): answered without loading. */
const PROBED = /^(then|(on|before)[A-Z]\w*)$/;

/**
 * The OpenSearch client of `OPENSEARCH_NODES`, or null without it. Its driver is loaded and the client built at the
 * first call (a search, an index write, a health probe), not at boot: the driver's code stays out of an idle
 * service's memory (issue 17). Closing a client never used loads nothing.
 */
export function createOpensearchClient(config: OpensearchConfig): Client | null {
  if (!config.nodes?.length) return null;
  let client: Client | undefined;
  const connect = (): Client => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const driver = require('@opensearch-project/opensearch') as typeof Opensearch;
    return new driver.Client({
      nodes: config.nodes,
      auth: config.user ? { username: config.user, password: config.password ?? '' } : undefined,
      requestTimeout: config.requestTimeoutMs,
      ssl: {
        rejectUnauthorized: config.sslValidation !== 'ignore',
        checkServerIdentity: config.hostnameVerifier === 'accept_any_hostname' ? () => undefined : undefined,
      },
    });
  };
  return new Proxy({} as Client, {
    get(_target, property) {
      if (typeof property !== 'string' || PROBED.test(property)) return undefined;
      if (property === 'close' && !client) return () => Promise.resolve();
      const real = (client ??= connect());
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
}

class OpensearchShutdown implements OnApplicationShutdown {
  constructor(@Inject(OPENSEARCH_CLIENT) private readonly ref: OpensearchClientRef) {}
  async onApplicationShutdown(): Promise<void> {
    await this.ref.client?.close();
  }
}

/** OpenSearch when `OPENSEARCH_HOSTS` is set. The event-search port and its MongoDB stand-in join here. */
@Global()
@Module({
  providers: [
    {
      provide: OPENSEARCH_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>): OpensearchClientRef => ({
        client: createOpensearchClient(config.get('opensearch', { infer: true })),
      }),
    },
    OpensearchHealthCheck,
    OpensearchShutdown,
    {
      provide: ContactSearch,
      inject: [OPENSEARCH_CLIENT, ConfigService],
      useFactory: ({ client }: OpensearchClientRef, config: ConfigService<AllConfig, true>) =>
        client
          ? new OpensearchContactSearch(client, config.get('opensearch', { infer: true }).contacts)
          : new EmptyContactSearch(),
    },
    {
      provide: EventSearchIndex,
      inject: [OPENSEARCH_CLIENT, ConfigService, getConnectionToken()],
      useFactory: (
        { client }: OpensearchClientRef,
        config: ConfigService<AllConfig, true>,
        connection: Connection,
      ) =>
        client
          ? new OpensearchEventSearchIndex(client, config.get('opensearch', { infer: true }))
          : new MongoEventSearchIndex(connection.db!),
    },
  ],
  exports: [OPENSEARCH_CLIENT, ContactSearch, EventSearchIndex],
})
export class SearchModule {}
