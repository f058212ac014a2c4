import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const DOMAIN_SETTINGS_COLLECTION = 'domain_settings';

/** storage.md §13: enum values stored lower-case, read case-insensitively. */
@Schema({
  collection: DOMAIN_SETTINGS_COLLECTION,
  versionKey: false,
  strict: false,
  autoIndex: false,
  autoCreate: false,
})
export class DomainSettingsDocument {
  _id!: Types.ObjectId;
  @Prop({ type: String, required: true }) domain!: string;
  @Prop({ type: String }) userSearchMode?: string;
  @Prop({ type: Boolean }) resourceSearchEnabled?: boolean;
  @Prop({ type: String }) defaultCalendarPublicVisibility?: string;
  @Prop({ type: Boolean }) calendarPublicVisibilitySettingEnabled?: boolean;
}

export const DomainSettingsSchema = SchemaFactory.createForClass(DomainSettingsDocument);

export const DOMAIN_SETTINGS_INDEXES: CollectionIndexes = {
  collection: DOMAIN_SETTINGS_COLLECTION,
  indexes: [{ keys: { domain: 1 }, options: { unique: true } }],
};
