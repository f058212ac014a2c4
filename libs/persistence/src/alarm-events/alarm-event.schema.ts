import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const ALARM_EVENTS_COLLECTION = 'twake_calendar_alarm_events';
export const ALARM_LEASES_COLLECTION = 'twake_calendar_alarm_events_ledge';

/** `twake_calendar_alarm_events` (storage.md §8): the next pending alarm per event UID and recipient. */
@Schema({ collection: ALARM_EVENTS_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class AlarmEventDocument {
  @Prop({ type: String, required: true }) eventUid!: string;
  @Prop({ type: String, required: true }) recipient!: string;
  @Prop({ type: Date, required: true }) alarmTime!: Date;
  @Prop({ type: Date, required: true }) eventStartTime!: Date;
  @Prop({ type: Boolean }) recurring?: boolean;
  @Prop({ type: String }) recurrenceId?: string;
  @Prop({ type: String, required: true }) ics!: string;
  @Prop({ type: String }) eventPath?: string;
  @Prop({ type: String }) action?: string;
}

export const AlarmEventSchema = SchemaFactory.createForClass(AlarmEventDocument);

/**
 * `twake_calendar_alarm_events_ledge` (storage.md §9): the lease a node holds on one alarm in cluster mode; expires
 * by TTL (swept by the scheduler where the server has no TTL index, FerretDB 1.x).
 */
@Schema({ collection: ALARM_LEASES_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class AlarmLeaseDocument {
  @Prop({ type: String, required: true }) eventUid!: string;
  @Prop({ type: Date, required: true }) alarmTime!: Date;
  /** Lower-cased. */
  @Prop({ type: String, required: true }) recipient!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
}

export const AlarmLeaseSchema = SchemaFactory.createForClass(AlarmLeaseDocument);

export const ALARM_EVENT_INDEXES: CollectionIndexes = {
  collection: ALARM_EVENTS_COLLECTION,
  indexes: [{ keys: { eventUid: 1, recipient: 1 }, options: { unique: true } }, { keys: { alarmTime: 1 } }],
};

export const ALARM_LEASE_INDEXES: CollectionIndexes = {
  collection: ALARM_LEASES_COLLECTION,
  indexes: [
    {
      keys: { eventUid: 1, recipient: 1, alarmTime: 1 },
      options: { name: 'uniq_event_alarm_recipient', unique: true },
    },
    { keys: { expiresAt: 1 }, options: { name: 'ttl_expiresAt', expireAfterSeconds: 0 } },
  ],
};
