import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const TEAM_CALENDARS_COLLECTION = 'team_calendars';

/** storage.md §14. esn-sabre reads `_id`, `domainId`, `domainName`, `displayName` and an optional `emailAddress`. */
@Schema({
  collection: TEAM_CALENDARS_COLLECTION,
  versionKey: false,
  strict: false,
  autoIndex: false,
  autoCreate: false,
})
export class TeamCalendarDocument {
  _id!: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) domainId!: Types.ObjectId;
  @Prop({ type: String }) domainName!: string;
  @Prop({ type: String }) name!: string;
  @Prop({ type: String }) displayName!: string;
  @Prop({ type: Date }) creation?: Date;
  @Prop({ type: Date }) updated?: Date;
}

export const TeamCalendarSchema = SchemaFactory.createForClass(TeamCalendarDocument);

export const TEAM_CALENDAR_INDEXES: CollectionIndexes = {
  collection: TEAM_CALENDARS_COLLECTION,
  indexes: [{ keys: { domainId: 1 } }, { keys: { domainId: 1, name: 1 } }],
};
