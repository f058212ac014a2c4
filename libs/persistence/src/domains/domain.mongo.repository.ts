import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { isDuplicateKeyError } from '../mongo/duplicate-key';
import { Domain } from './domain';
import { DomainAlreadyExistsError } from './domain.errors';
import { DomainMapper } from './domain.mapper';
import { DomainDocument } from './domain.schema';
import { DomainRepository } from './domain.repository';

@Injectable()
export class DomainMongoRepository extends DomainRepository {
  constructor(@InjectModel(DomainDocument.name) private readonly model: Model<DomainDocument>) {
    super();
  }

  async findById(id: string): Promise<Domain | undefined> {
    if (!isObjectIdHex(id)) return undefined;
    const document = await this.model.findById(new Types.ObjectId(id)).lean<DomainDocument>().exec();
    return document ? DomainMapper.toDomain(document) : undefined;
  }

  async findByName(name: string): Promise<Domain | undefined> {
    const document = await this.model.findOne({ name: name.toLowerCase() }).lean<DomainDocument>().exec();
    return document ? DomainMapper.toDomain(document) : undefined;
  }

  async list(): Promise<Domain[]> {
    const documents = await this.model.find().sort({ name: 1 }).lean<DomainDocument[]>().exec();
    return documents.map(DomainMapper.toDomain);
  }

  async create(name: string): Promise<Domain> {
    const normalized = name.toLowerCase();
    try {
      const [created] = await this.model.insertMany([DomainMapper.newDocument(normalized, new Date())], {
        lean: true,
      });
      return DomainMapper.toDomain(created as unknown as DomainDocument);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DomainAlreadyExistsError(normalized);
      throw error;
    }
  }

  async addAdministrators(domainId: string, userIds: string[]): Promise<void> {
    const domain = await this.findById(domainId);
    if (!domain) return;
    const present = new Set(domain.administrators.map((admin) => admin.userId));
    const missing = [...new Set(userIds)].filter((id) => !present.has(id) && isObjectIdHex(id));
    if (missing.length === 0) return;
    const now = new Date();
    await this.model
      .updateOne(
        { _id: new Types.ObjectId(domainId) },
        {
          $push: {
            administrators: {
              $each: missing.map((id) => ({
                user_id: new Types.ObjectId(id),
                timestamps: { creation: now },
              })),
            },
          },
        },
      )
      .exec();
  }

  /**
   * FerretDB 1.x implements `$pull` by exact element match only, so the element is removed by rewriting the array
   * with `$set`, guarded by the array read (optimistic concurrency, a few attempts).
   */
  async revokeAdministrator(domainId: string, userId: string): Promise<void> {
    if (!isObjectIdHex(domainId) || !isObjectIdHex(userId)) return;
    const _id = new Types.ObjectId(domainId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const document = await this.model.findById(_id, { administrators: 1 }).lean<DomainDocument>().exec();
      const current = document?.administrators;
      if (!current?.some((admin) => admin.user_id.toHexString() === userId)) return;
      const kept = current.filter((admin) => admin.user_id.toHexString() !== userId);
      const result = await this.model.collection.updateOne(
        { _id, administrators: current },
        { $set: { administrators: kept } },
      );
      if (result.matchedCount > 0) return;
    }
    throw new Error(`administrators of domain ${domainId} changed concurrently too often`);
  }

  async ensure(name: string): Promise<Domain> {
    const existing = await this.findByName(name);
    if (existing) return existing;
    try {
      return await this.create(name);
    } catch (error) {
      if (error instanceof DomainAlreadyExistsError) return (await this.findByName(name))!;
      throw error;
    }
  }
}
