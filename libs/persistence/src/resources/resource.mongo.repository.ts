import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { Resource } from './resource';
import { ResourceMapper } from './resource.mapper';
import { ResourceRepository } from './resource.repository';
import { ResourceDocument } from './resource.schema';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

@Injectable()
export class ResourceMongoRepository extends ResourceRepository {
  constructor(@InjectModel(ResourceDocument.name) private readonly model: Model<ResourceDocument>) {
    super();
  }

  async findById(id: string): Promise<Resource | undefined> {
    if (!isObjectIdHex(id)) return undefined;
    const document = await this.model.findById(new Types.ObjectId(id)).lean<ResourceDocument>().exec();
    return document ? ResourceMapper.toDomain(document) : undefined;
  }

  async search(domainId: string, query: string, limit: number): Promise<Resource[]> {
    if (!isObjectIdHex(domainId) || limit <= 0) return [];
    const documents = await this.model
      .find({
        domain: new Types.ObjectId(domainId),
        deleted: { $ne: true },
        name: { $regex: `.*${escapeRegex(query.trim().toLowerCase())}.*`, $options: 'i' },
      })
      .limit(limit)
      .lean<ResourceDocument[]>()
      .exec();
    return documents.map(ResourceMapper.toDomain);
  }
}
