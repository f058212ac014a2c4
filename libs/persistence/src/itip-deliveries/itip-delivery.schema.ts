import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const ITIP_DELIVERIES_COLLECTION = 'twake_calendar_itip_deliveries';

/**
 * One single-recipient iTIP local-delivery message being or having been processed, keyed by a hash of the message
 * and its recipient. Our own collection (not an OpenPaaS one); records expire.
 */
@Schema({ collection: ITIP_DELIVERIES_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class ItipDeliveryDocument {
  /** `itip:<sha-256 of the message and recipient>`. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) state!: 'processing' | 'done';
  /** The `/itip` call (if any) has been made. */
  @Prop({ type: Boolean, required: true }) itipDelivered!: boolean;
  /** End of the processing lease. */
  @Prop({ type: Date, required: true }) leaseUntil!: Date;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
}

export const ItipDeliverySchema = SchemaFactory.createForClass(ItipDeliveryDocument);

export const ITIP_DELIVERY_INDEXES: CollectionIndexes = {
  collection: ITIP_DELIVERIES_COLLECTION,
  indexes: [{ keys: { expiresAt: 1 }, options: { name: 'ttl_expiresAt', expireAfterSeconds: 0 } }],
};
