import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import type { AllConfig } from '@app/config';
import { CollectionIndexes, IndexSpec } from './index-spec';
import { ALARM_EVENT_INDEXES, ALARM_LEASE_INDEXES } from '../alarm-events/alarm-event.schema';
import { AUTH_TICKET_INDEXES } from '../auth-tickets/auth-ticket.schema';
import { CONFIGURATION_INDEXES } from '../configurations/configuration.schema';
import { DOMAIN_INDEXES } from '../domains/domain.schema';
import { DOMAIN_SETTINGS_INDEXES } from '../domain-settings/domain-settings.schema';
import { RESOURCE_INDEXES } from '../resources/resource.schema';
import { TEAM_CALENDAR_INDEXES } from '../team-calendars/team-calendar.schema';
import { MAIL_DELIVERY_INDEXES } from '../mail-deliveries/mail-delivery.schema';
import { ITIP_DELIVERY_INDEXES } from '../itip-deliveries/itip-delivery.schema';
import { ITIP_FAN_OUT_INDEXES } from '../itip-deliveries/itip-fan-out.schema';
import { SECRET_LINK_INDEXES } from '../secret-links/secret-link.schema';
import { uploadedFileIndexes } from '../uploaded-files/uploaded-file.schema';
import { USER_INDEXES } from '../users/user.schema';

export const ALL_INDEXES: CollectionIndexes[] = [
  USER_INDEXES,
  DOMAIN_INDEXES,
  AUTH_TICKET_INDEXES,
  MAIL_DELIVERY_INDEXES,
  SECRET_LINK_INDEXES,
  ITIP_DELIVERY_INDEXES,
  ITIP_FAN_OUT_INDEXES,
  RESOURCE_INDEXES,
  DOMAIN_SETTINGS_INDEXES,
  CONFIGURATION_INDEXES,
  TEAM_CALENDAR_INDEXES,
  ALARM_EVENT_INDEXES,
  ALARM_LEASE_INDEXES,
];

/** Indexes whose options come from the configuration. */
function configuredIndexes(config: ConfigService<AllConfig, true>): CollectionIndexes[] {
  const upload = config.get('upload', { infer: true });
  return uploadedFileIndexes(Math.max(1, Math.round(upload.expirationMs / 1000)));
}

/** IndexOptionsConflict, IndexKeySpecsConflict: an index on these keys exists with other options. */
const OPTIONS_CONFLICT = new Set([85, 86]);

const NOT_IMPLEMENTED = /not implemented|not supported/i;

/**
 * Creates missing collections and indexes at start-up.
 *
 * FerretDB 1.x (used in development and tests) implements neither `partialFilterExpression` nor TTL indexes.
 * When the server refuses such an option, a weaker equivalent is created instead and a warning is logged:
 * a sparse unique index for a partial `$exists` filter, a plain index for a TTL one (expiry is then enforced by
 * the owning feature's own sweep). With `MONGO_PARTIAL_INDEXES=sparse` the sparse equivalent is created from the
 * start, for engines that accept a partial filter and ignore it (mongo-java-server).
 */
@Injectable()
export class IndexInitializer implements OnModuleInit {
  private readonly logger = new Logger(IndexInitializer.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    const sparseOnly = this.config.get('mongo', { infer: true }).partialIndexes === 'sparse';
    for (const { collection, indexes } of [...ALL_INDEXES, ...configuredIndexes(this.config)]) {
      await this.ensureCollection(collection);
      for (const index of indexes) {
        const partial = sparseOnly && index.options?.partialFilterExpression !== undefined;
        await this.ensureIndex(collection, partial ? downgrade(index)! : index);
      }
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
      const expireAfterSeconds = index.options?.expireAfterSeconds;
      if (expireAfterSeconds !== undefined && OPTIONS_CONFLICT.has((error as { code?: number }).code ?? 0)) {
        // A changed TTL: createIndex refuses it, collMod applies it (storage.md §1).
        await this.connection.db!.command({
          collMod: collection,
          index: { keyPattern: index.keys, expireAfterSeconds },
        });
        return;
      }
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
