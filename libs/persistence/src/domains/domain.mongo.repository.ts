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
