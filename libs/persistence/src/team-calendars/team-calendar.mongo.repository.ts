import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { TeamCalendar } from './team-calendar';
import { TeamCalendarMapper } from './team-calendar.mapper';
import { NewTeamCalendar, TeamCalendarRepository } from './team-calendar.repository';
import { TeamCalendarDocument } from './team-calendar.schema';

@Injectable()
export class TeamCalendarMongoRepository extends TeamCalendarRepository {
  constructor(@InjectModel(TeamCalendarDocument.name) private readonly model: Model<TeamCalendarDocument>) {
    super();
  }

  async create(calendar: NewTeamCalendar): Promise<TeamCalendar> {
    const now = new Date();
    const document = {
      _id: new Types.ObjectId(),
      domainId: new Types.ObjectId(calendar.domainId),
      domainName: calendar.domainName,
      name: calendar.name,
      displayName: calendar.displayName,
      creation: now,
      updated: now,
    };
    await this.model.collection.insertOne(document);
    return TeamCalendarMapper.toDomain(document as TeamCalendarDocument);
  }

  async listByDomain(domainId: string): Promise<TeamCalendar[]> {
    if (!isObjectIdHex(domainId)) return [];
    const documents = await this.model
      .find({ domainId: new Types.ObjectId(domainId) })
      .sort({ _id: 1 })
      .lean<TeamCalendarDocument[]>()
      .exec();
    return documents.map((document) => TeamCalendarMapper.toDomain(document));
  }

  async updateDisplayName(id: string, displayName: string): Promise<TeamCalendar | undefined> {
    if (!isObjectIdHex(id)) return undefined;
    const document = await this.model
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id) },
        { $set: { displayName, updated: new Date() } },
        { new: true },
      )
      .lean<TeamCalendarDocument>()
      .exec();
    return document ? TeamCalendarMapper.toDomain(document) : undefined;
  }

  async delete(id: string): Promise<void> {
    if (!isObjectIdHex(id)) return;
    await this.model.deleteOne({ _id: new Types.ObjectId(id) }).exec();
  }

  async findById(id: string): Promise<TeamCalendar | undefined> {
    if (!isObjectIdHex(id)) return undefined;
    const document = await this.model.findById(new Types.ObjectId(id)).lean<TeamCalendarDocument>().exec();
    return document ? TeamCalendarMapper.toDomain(document) : undefined;
  }

  /**
   * The original matches `name + "@" + domainName` with `$expr`/`$regexMatch`, which FerretDB 1.x lacks: the
   * domain's team calendars (a few per domain) are read and matched here instead.
   */
  async search(domainId: string, query: string, limit: number): Promise<TeamCalendar[]> {
    if (!isObjectIdHex(domainId) || limit <= 0) return [];
    const needle = query.trim().toLowerCase();
    const found: TeamCalendar[] = [];
    const cursor = this.model
      .find({ domainId: new Types.ObjectId(domainId) })
      .sort({ _id: 1 })
      .lean<TeamCalendarDocument>()
      .cursor();
    for await (const document of cursor) {
      const calendar = TeamCalendarMapper.toDomain(document);
      const texts = [calendar.name, calendar.displayName, `${calendar.name}@${calendar.domainName}`];
      if (texts.some((text) => text.toLowerCase().includes(needle))) found.push(calendar);
      if (found.length >= limit) break;
    }
    await cursor.close();
    return found;
  }
}
