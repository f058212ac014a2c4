import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { CollectionIndexes, IndexSpec } from './index-spec';
import { AUTH_TICKET_INDEXES } from '../auth-tickets/auth-ticket.schema';
import { DOMAIN_INDEXES } from '../domains/domain.schema';
import { USER_INDEXES } from '../users/user.schema';

export const ALL_INDEXES: CollectionIndexes[] = [USER_INDEXES, DOMAIN_INDEXES, AUTH_TICKET_INDEXES];

const NOT_IMPLEMENTED = /not implemented|not supported/i;

/**
 * Creates missing collections and indexes at start-up.
 *
 * FerretDB 1.x (used in development and tests) implements neither `partialFilterExpression` nor TTL indexes.
 * When the server refuses such an option, a weaker equivalent is created instead and a warning is logged:
 * a sparse unique index for a partial `$exists` filter, a plain index for a TTL one (expiry is then enforced by
 * the owning feature's own sweep).
 */
@Injectable()
export class IndexInitializer implements OnModuleInit {
  private readonly logger = new Logger(IndexInitializer.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    for (const { collection, indexes } of ALL_INDEXES) {
      await this.ensureCollection(collection);
      for (const index of indexes) await this.ensureIndex(collection, index);
    }
  }

  private async ensureCollection(name: string): Promise<void> {
    const existing = await this.connection.db!.listCollections({ name }, { nameOnly: true }).toArray();
    if (existing.length === 0) {
      await this.connection.db!.createCollection(name).catch((error: { code?: number }) => {
        if (error.code !== 48) throw error; // NamespaceExists: created concurrently
      });
    }
  }

  private async ensureIndex(collection: string, index: IndexSpec): Promise<void> {
    try {
      await this.connection.db!.collection(collection).createIndex(index.keys, index.options ?? {});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const fallback = NOT_IMPLEMENTED.test(message) ? downgrade(index) : undefined;
      if (fallback) {
        this.logger.warn(
          `${collection}: index ${JSON.stringify(index.keys)} created without unsupported options (${message})`,
        );
        await this.ensureIndex(collection, fallback);
      } else if (index.optional) {
        this.logger.warn(`${collection}: index ${JSON.stringify(index.keys)} not created (${message})`);
      } else {
        throw error;
      }
    }
  }
}

function downgrade(index: IndexSpec): IndexSpec | undefined {
  const options = { ...(index.options ?? {}) };
  if (options.partialFilterExpression) {
    delete options.partialFilterExpression;
    options.sparse = true;
    return { ...index, options };
  }
  if (options.expireAfterSeconds !== undefined) {
    delete options.expireAfterSeconds;
    return { ...index, options };
  }
  return undefined;
}
