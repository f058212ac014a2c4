import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const RESOURCES_COLLECTION = 'resources';

/** storage.md §10. esn-sabre reads `_id`, `domain`, `name` (and legacy `members`, `title`, `email`). */
@Schema({
  collection: RESOURCES_COLLECTION,
  versionKey: false,
  strict: false,
  autoIndex: false,
  autoCreate: false,
})
export class ResourceDocument {
  _id!: Types.ObjectId;
  @Prop({ type: Types.ObjectId }) creator?: Types.ObjectId;
  @Prop({ type: Boolean }) deleted?: boolean;
  @Prop({ type: String }) description?: string;
  @Prop({ type: Types.ObjectId, required: true }) domain!: Types.ObjectId;
  @Prop({ type: String }) icon?: string;
  @Prop({ type: String }) name?: string;
  @Prop({ type: { _id: false, creation: Date, updatedAt: Date }, default: undefined })
  timestamps?: { creation?: Date; updatedAt?: Date };
  @Prop({ type: String }) type?: string;
}

export const ResourceSchema = SchemaFactory.createForClass(ResourceDocument);

export const RESOURCE_INDEXES: CollectionIndexes = {
  collection: RESOURCES_COLLECTION,
  indexes: [{ keys: { domain: 1 } }, { keys: { name: 1 } }, { keys: { deleted: 1 } }],
};
