import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const CONFIGURATIONS_COLLECTION = 'configurations';

/** Per-user settings in the OpenPaaS layout: one document per (domain, user), values grouped by module. */
@Schema({
  collection: CONFIGURATIONS_COLLECTION,
  versionKey: false,
  strict: false,
  autoIndex: false,
  autoCreate: false,
})
export class ConfigurationDocument {
  _id!: Types.ObjectId;
  @Prop({ type: Types.ObjectId }) domain_id!: Types.ObjectId;
  @Prop({ type: Types.ObjectId }) user_id!: Types.ObjectId;
  @Prop({ type: [Object], default: undefined })
  modules?: { name?: string; configurations?: { name?: string; value?: unknown }[] }[];
}

export const ConfigurationSchema = SchemaFactory.createForClass(ConfigurationDocument);

/**
 * The original creates no index here (storage.md §16), so every settings read scanned the collection: one index on
 * the per-user key. Optional: a legacy OpenPaaS index with other options on the same keys is kept as it is.
 */
export const CONFIGURATION_INDEXES: CollectionIndexes = {
  collection: CONFIGURATIONS_COLLECTION,
  indexes: [{ keys: { user_id: 1, domain_id: 1 }, optional: true }],
};
