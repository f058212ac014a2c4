import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const USERS_COLLECTION = 'users';

/** The OpenPaaS user document. Legacy documents may carry many more fields; they are kept untouched. */
@Schema({
  collection: USERS_COLLECTION,
  versionKey: false,
  strict: false,
  autoIndex: false,
  autoCreate: false,
})
export class UserDocument {
  _id!: Types.ObjectId;
  @Prop({ type: String, default: '' }) firstname!: string;
  @Prop({ type: String, default: '' }) lastname!: string;
  @Prop({ type: [String], default: undefined }) firstnames?: string[];
  @Prop({ type: String }) password?: string;
  @Prop({ type: String }) email?: string;
  @Prop({ type: [{ _id: false, domain_id: Types.ObjectId }], default: undefined })
  domains?: { domain_id: Types.ObjectId }[];
  @Prop({ type: [{ _id: false, type: { type: String }, emails: [String] }], default: undefined })
  accounts?: { type?: string; emails?: string[]; hosted?: boolean; preferredEmailIndex?: number }[];
  /** Legacy fallbacks esn-sabre reads after `accounts`. */
  @Prop({ type: String }) preferredEmail?: string;
  @Prop({ type: [String], default: undefined }) emails?: string[];
}

export const UserSchema = SchemaFactory.createForClass(UserDocument);

export const USER_INDEXES: CollectionIndexes = {
  collection: USERS_COLLECTION,
  indexes: [
    { keys: { email: 1 }, options: { unique: true, partialFilterExpression: { email: { $exists: true } } } },
    { keys: { firstname: 1 } },
    { keys: { lastname: 1 } },
    { keys: { firstnames: 1 } },
    { keys: { 'domains.domain_id': 1 } },
    { keys: { 'accounts.emails': 1 }, optional: true },
  ],
};
