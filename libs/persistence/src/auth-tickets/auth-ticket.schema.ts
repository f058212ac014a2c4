import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const AUTH_TICKETS_COLLECTION = 'auth_tickets';

@Schema({ collection: AUTH_TICKETS_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class AuthTicketDocument {
  /** The ticket value: a random UUID. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) username!: string;
  @Prop({ type: String, required: true }) clientAddress!: string;
  @Prop({ type: Date, required: true }) generatedOn!: Date;
  @Prop({ type: Date, required: true }) validUntil!: Date;
}

export const AuthTicketSchema = SchemaFactory.createForClass(AuthTicketDocument);

export const AUTH_TICKET_INDEXES: CollectionIndexes = {
  collection: AUTH_TICKETS_COLLECTION,
  indexes: [
    { keys: { validUntil: 1 }, options: { name: 'auth_tickets_ttl_validUntil', expireAfterSeconds: 0 } },
  ],
};
