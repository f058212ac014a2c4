import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const SECRET_LINKS_COLLECTION = 'secretlinks';

/** storage.md §6. */
@Schema({ collection: SECRET_LINKS_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class SecretLinkDocument {
  _id!: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) user_id!: Types.ObjectId;
  @Prop({ type: String, required: true }) calendarHomeId!: string;
  @Prop({ type: String, required: true }) calendarId!: string;
  @Prop({ type: String, required: true }) token!: string;
}

export const SecretLinkSchema = SchemaFactory.createForClass(SecretLinkDocument);

/**
 * The two unique indexes of storage.md §16, plus one on the calendar alone: a secret-link download lists the links
 * of the calendar it names (neither unique index starts with `calendarHomeId`).
 */
export const SECRET_LINK_INDEXES: CollectionIndexes = {
  collection: SECRET_LINKS_COLLECTION,
  indexes: [
    { keys: { user_id: 1, calendarHomeId: 1, calendarId: 1 }, options: { unique: true } },
    { keys: { token: 1, calendarHomeId: 1, calendarId: 1 }, options: { unique: true } },
    { keys: { calendarHomeId: 1, calendarId: 1 } },
  ],
};
