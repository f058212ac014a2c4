import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const ITIP_FAN_OUTS_COLLECTION = 'twake_calendar_itip_fan_outs';

/** The open fan-out of one event UID (our own collection; records expire). */
@Schema({ collection: ITIP_FAN_OUTS_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class ItipFanOutDocument {
  /** The event UID. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) fanOutId!: string;
  /** Delivery keys of the copies not processed yet. */
  @Prop({ type: [String], required: true }) pending!: string[];
  @Prop({ type: Date, required: true }) expiresAt!: Date;
}

export const ItipFanOutSchema = SchemaFactory.createForClass(ItipFanOutDocument);

export const ITIP_FAN_OUT_INDEXES: CollectionIndexes = {
  collection: ITIP_FAN_OUTS_COLLECTION,
  indexes: [{ keys: { expiresAt: 1 }, options: { name: 'ttl_expiresAt', expireAfterSeconds: 0 } }],
};
