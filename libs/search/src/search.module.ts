import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken } from '@nestjs/mongoose';
import { Client } from '@opensearch-project/opensearch';
import type { Connection } from 'mongoose';
import type { AllConfig, OpensearchConfig } from '@app/config';
import { ContactSearch, EmptyContactSearch } from './contacts/contact-search';
import { OpensearchContactSearch } from './contacts/opensearch.contact-search';
import { EventSearchIndex } from './events/event-search-index';
import { MongoEventSearchIndex } from './events/mongo.event-search-index';
import { OpensearchEventSearchIndex } from './events/opensearch.event-search-index';
import { OpensearchHealthCheck } from './opensearch.health-check';
import { OPENSEARCH_CLIENT } from './search.tokens';

export function createOpensearchClient(config: OpensearchConfig): Client | null {
  if (!config.nodes?.length) return null;
  return new Client({
    nodes: config.nodes,
    auth: config.user ? { username: config.user, password: config.password ?? '' } : undefined,
    requestTimeout: config.requestTimeoutMs,
    ssl: {
      rejectUnauthorized: config.sslValidation !== 'ignore',
      checkServerIdentity: config.hostnameVerifier === 'accept_any_hostname' ? () => undefined : undefined,
    },
  });
}

class OpensearchShutdown implements OnApplicationShutdown {
  constructor(@Inject(OPENSEARCH_CLIENT) private readonly client: Client | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }
}

/** OpenSearch when `OPENSEARCH_HOSTS` is set. The event-search port and its MongoDB stand-in join here. */
@Global()
@Module({
  providers: [
    {
      provide: OPENSEARCH_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) =>
        createOpensearchClient(config.get('opensearch', { infer: true })),
    },
    OpensearchHealthCheck,
    OpensearchShutdown,
    {
      provide: ContactSearch,
      inject: [OPENSEARCH_CLIENT, ConfigService],
      useFactory: (client: Client | null, config: ConfigService<AllConfig, true>) =>
        client
          ? new OpensearchContactSearch(client, config.get('opensearch', { infer: true }).contacts)
          : new EmptyContactSearch(),
    },
    {
      provide: EventSearchIndex,
      inject: [OPENSEARCH_CLIENT, ConfigService, getConnectionToken()],
      useFactory: (client: Client | null, config: ConfigService<AllConfig, true>, connection: Connection) =>
        client
          ? new OpensearchEventSearchIndex(client, config.get('opensearch', { infer: true }))
          : new MongoEventSearchIndex(connection.db!),
    },
  ],
  exports: [OPENSEARCH_CLIENT, ContactSearch, EventSearchIndex],
})
export class SearchModule {}
