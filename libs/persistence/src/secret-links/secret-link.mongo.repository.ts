import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { SecretLink } from './secret-link';
import { SecretLinkMapper } from './secret-link.mapper';
import { SecretLinkRepository } from './secret-link.repository';
import { SecretLinkDocument } from './secret-link.schema';

@Injectable()
export class SecretLinkMongoRepository extends SecretLinkRepository {
  constructor(@InjectModel(SecretLinkDocument.name) private readonly model: Model<SecretLinkDocument>) {
    super();
  }

  async findByOwner(
    userId: string,
    calendarHomeId: string,
    calendarId: string,
  ): Promise<SecretLink | undefined> {
    if (!isObjectIdHex(userId)) return undefined;
    const document = await this.model
      .findOne({ user_id: new Types.ObjectId(userId), calendarHomeId, calendarId })
      .lean<SecretLinkDocument>()
      .exec();
    return document ? SecretLinkMapper.toDomain(document) : undefined;
  }

  /** One document per (owner, calendar): upserted, only the token `$set` (storage.md §6 replaces it whole). */
  async save(link: SecretLink): Promise<void> {
    const { token, ...key } = SecretLinkMapper.toPersistence(link);
    await this.model.collection.updateOne(key, { $set: { token } }, { upsert: true });
  }

  async listByCalendar(calendarHomeId: string, calendarId: string): Promise<SecretLink[]> {
    const documents = await this.model
      .find({ calendarHomeId, calendarId })
      .lean<SecretLinkDocument[]>()
      .exec();
    return documents.map(SecretLinkMapper.toDomain);
  }
}
