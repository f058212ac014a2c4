import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

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
