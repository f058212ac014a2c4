import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const DOMAINS_COLLECTION = 'domains';

@Schema({
  collection: DOMAINS_COLLECTION,
  versionKey: false,
  strict: false,
  autoIndex: false,
  autoCreate: false,
})
export class DomainDocument {
  _id!: Types.ObjectId;
  @Prop({ type: String, required: true }) name!: string;
  @Prop({ type: String }) company_name?: string;
  @Prop({ type: [String], default: undefined }) hostnames?: string[];
  /** Singular `timestamp` as the original side service writes it (OpenPaaS wrote `timestamps`). */
  @Prop({ type: { _id: false, creation: Date }, default: undefined }) timestamp?: { creation?: Date };
  @Prop({ type: { _id: false, creation: Date }, default: undefined }) timestamps?: { creation?: Date };
  @Prop({
    type: [{ _id: false, user_id: Types.ObjectId, timestamps: { _id: false, creation: Date } }],
    default: undefined,
  })
  administrators?: { user_id: Types.ObjectId; timestamps?: { creation?: Date } }[];
}

export const DomainSchema = SchemaFactory.createForClass(DomainDocument);

export const DOMAIN_INDEXES: CollectionIndexes = {
  collection: DOMAINS_COLLECTION,
  indexes: [{ keys: { name: 1 }, options: { unique: true } }],
};
