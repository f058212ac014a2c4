import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const MAIL_DELIVERIES_COLLECTION = 'twake_calendar_mail_deliveries';

/**
 * One mail the service sent (or is sending), keyed by message and recipient, so that a redelivered message does
 * not send it twice. Our own collection (not an OpenPaaS one); records expire.
 */
@Schema({ collection: MAIL_DELIVERIES_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class MailDeliveryDocument {
  /** Idempotency key, e.g. `imip:<sha-256 of the message>:<recipient>`. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) state!: 'sending' | 'sent';
  @Prop({ type: Date, required: true }) claimedAt!: Date;
  @Prop({ type: Date }) sentAt?: Date;
  /** End of the sending lease, then end of the retention once sent. */
  @Prop({ type: Date, required: true }) expiresAt!: Date;
}

export const MailDeliverySchema = SchemaFactory.createForClass(MailDeliveryDocument);

export const MAIL_DELIVERY_INDEXES: CollectionIndexes = {
  collection: MAIL_DELIVERIES_COLLECTION,
  indexes: [{ keys: { expiresAt: 1 }, options: { name: 'ttl_expiresAt', expireAfterSeconds: 0 } }],
};
