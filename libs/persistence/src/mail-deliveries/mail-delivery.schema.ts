import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const MAIL_DELIVERIES_COLLECTION = 'twake_calendar_mail_deliveries';

/** Suffix of the `_id` of the record written once a mail was sent, next to its claim. */
export const SENT_SUFFIX = '|sent';

/**
 * Idempotency of outgoing mails (our own collection, not an OpenPaaS one). Two kinds of records, both insert-only so
 * that the hot path never updates (FerretDB 1.x updates and deletes scan the collection):
 *
 * - the claim `{_id: <key>, state: 'sending', claimedAt}`: inserted before the mail goes out; a duplicate key means
 *   somebody else has (or had) the mail;
 * - the proof `{_id: <key>|sent, state: 'sent', sentAt}`: inserted once the SMTP server accepted the mail.
 *
 * Both expire after the retention period; a claim without proof is taken over once its lease is over.
 */
@Schema({ collection: MAIL_DELIVERIES_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class MailDeliveryDocument {
  /** Idempotency key, e.g. `imip:<sha-256 of the message>:<recipient>`, or that key + `|sent`. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) state!: 'sending' | 'sent';
  @Prop({ type: Date }) claimedAt?: Date;
  @Prop({ type: Date }) sentAt?: Date;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
}

export const MailDeliverySchema = SchemaFactory.createForClass(MailDeliveryDocument);

export const MAIL_DELIVERY_INDEXES: CollectionIndexes = {
  collection: MAIL_DELIVERIES_COLLECTION,
  indexes: [{ keys: { expiresAt: 1 }, options: { name: 'ttl_expiresAt', expireAfterSeconds: 0 } }],
};
