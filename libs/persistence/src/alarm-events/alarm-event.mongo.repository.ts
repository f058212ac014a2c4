import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { duplicatesOf, isDuplicateKeyError } from '../mongo/duplicate-key';
import { AlarmAction, AlarmEvent, StoredAlarmEvent } from './alarm-event';
import { AlarmEventRepository, AlarmLeaseRepository } from './alarm-event.repository';
import { AlarmEventDocument, AlarmLeaseDocument } from './alarm-event.schema';

type RawAlarmEvent = AlarmEventDocument & { _id: Types.ObjectId };

/** Missing `action` reads EMAIL, missing `eventPath` "" and missing `recurring` false (storage.md §8). */
function toEntry(document: RawAlarmEvent): StoredAlarmEvent {
  const action = (document.action ?? 'EMAIL').toUpperCase();
  if (action !== 'EMAIL' && action !== 'DISPLAY')
    throw new Error(`alarm entry ${String(document._id)} has an unknown action ${document.action}`);
  return {
    id: String(document._id),
    eventUid: document.eventUid,
    recipient: document.recipient,
    alarmTime: document.alarmTime,
    eventStartTime: document.eventStartTime,
    recurring: document.recurring ?? false,
    ...(document.recurrenceId ? { recurrenceId: document.recurrenceId } : {}),
    ics: document.ics,
    eventPath: document.eventPath ?? '',
    action: action as AlarmAction,
  };
}

function toDocument(entry: AlarmEvent): AlarmEventDocument {
  return {
    eventUid: entry.eventUid,
    recipient: entry.recipient,
    alarmTime: entry.alarmTime,
    eventStartTime: entry.eventStartTime,
    recurring: entry.recurring,
    ...(entry.recurrenceId ? { recurrenceId: entry.recurrenceId } : {}),
    ics: entry.ics,
    eventPath: entry.eventPath,
    action: entry.action,
  };
}

@Injectable()
export class AlarmEventMongoRepository extends AlarmEventRepository {
  constructor(@InjectModel(AlarmEventDocument.name) private readonly model: Model<AlarmEventDocument>) {
    super();
  }

  async upsert(entry: AlarmEvent): Promise<void> {
    await this.model.collection.replaceOne(
      { eventUid: entry.eventUid, recipient: entry.recipient },
      toDocument(entry),
      { upsert: true },
    );
  }

  async insertIfAbsent(entry: AlarmEvent): Promise<boolean> {
    if (await this.model.exists({ eventUid: entry.eventUid, recipient: entry.recipient })) return false;
    try {
      await this.model.collection.insertOne(toDocument(entry) as never);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async find(eventUid: string, recipient: string): Promise<StoredAlarmEvent | undefined> {
    const document = await this.model.findOne({ eventUid, recipient }).lean<RawAlarmEvent>().exec();
    return document ? toEntry(document) : undefined;
  }

  async findByEvent(eventUid: string, eventPath: string): Promise<StoredAlarmEvent[]> {
    const documents = await this.model.find({ eventUid, eventPath }).lean<RawAlarmEvent[]>().exec();
    return documents.map(toEntry);
  }

  async deleteByEvent(eventUid: string, eventPath: string): Promise<number> {
    return (await this.model.deleteMany({ eventUid, eventPath }).exec()).deletedCount;
  }

  async delete(eventUid: string, recipient: string): Promise<void> {
    await this.model.deleteOne({ eventUid, recipient }).exec();
  }

  async findDue(now: Date, limit: number): Promise<StoredAlarmEvent[]> {
    const documents = await this.model
      .find({ alarmTime: { $lte: now } })
      .sort({ alarmTime: 1 })
      .limit(limit)
      .lean<RawAlarmEvent[]>()
      .exec();
    return documents.map(toEntry);
  }

  async advance(id: string, previousAlarmTime: Date, next: AlarmEvent): Promise<boolean> {
    const result = await this.model.collection.replaceOne(
      { _id: new Types.ObjectId(id), alarmTime: previousAlarmTime },
      toDocument(next),
    );
    return result.modifiedCount > 0 || result.matchedCount > 0;
  }

  async deleteManyIfUnchanged(entries: readonly { id: string; alarmTime: Date }[]): Promise<number> {
    if (entries.length === 0) return 0;
    // One write of exact `_id` look-ups: mongo-java-server answers a `$or` of 100 `{_id, alarmTime}` branches by
    // scanning the collection for each (3 s among 100,000 entries, against 23 ms for these deletes).
    const result = await this.model.collection.bulkWrite(
      entries.map((entry) => ({
        deleteOne: { filter: { _id: new Types.ObjectId(entry.id), alarmTime: entry.alarmTime } },
      })),
      { ordered: false },
    );
    return result.deletedCount;
  }

  async deleteIfUnchanged(id: string, previousAlarmTime: Date): Promise<boolean> {
    const result = await this.model
      .deleteOne({ _id: new Types.ObjectId(id), alarmTime: previousAlarmTime })
      .exec();
    return result.deletedCount > 0;
  }
}

@Injectable()
export class AlarmLeaseMongoRepository extends AlarmLeaseRepository {
  constructor(@InjectModel(AlarmLeaseDocument.name) private readonly model: Model<AlarmLeaseDocument>) {
    super();
  }

  async acquire(
    eventUid: string,
    recipient: string,
    alarmTime: Date,
    now: Date,
    ttlMs: number,
  ): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        eventUid,
        alarmTime,
        recipient: recipient.toLowerCase(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
      } as never);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async acquireMany(
    alarms: readonly { eventUid: string; recipient: string; alarmTime: Date }[],
    now: Date,
    ttlMs: number,
  ): Promise<boolean[]> {
    if (alarms.length === 0) return [];
    const expiresAt = new Date(now.getTime() + ttlMs);
    let taken = new Set<number>();
    try {
      await this.model.collection.insertMany(
        alarms.map(
          (alarm) =>
            ({
              eventUid: alarm.eventUid,
              alarmTime: alarm.alarmTime,
              recipient: alarm.recipient.toLowerCase(),
              createdAt: now,
              expiresAt,
            }) as never,
        ),
        { ordered: false },
      );
    } catch (error) {
      taken = duplicatesOf(error);
    }
    return alarms.map((_, index) => !taken.has(index));
  }

  async release(eventUid: string, recipient: string, alarmTime: Date): Promise<void> {
    await this.model.deleteOne({ eventUid, recipient: recipient.toLowerCase(), alarmTime }).exec();
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lte: now } }).exec()).deletedCount;
  }
}
