import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { NewResource, Resource, ResourceChanges } from './resource';
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
    const document = await this.document(id);
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

  async listByDomain(domainId: string): Promise<Resource[]> {
    if (!isObjectIdHex(domainId)) return [];
    const documents = await this.model
      .find({ domain: new Types.ObjectId(domainId) })
      .sort({ _id: 1 })
      .lean<ResourceDocument[]>()
      .exec();
    return documents.map(ResourceMapper.toDomain);
  }

  async insert(resource: NewResource, now = new Date()): Promise<Resource> {
    const document = {
      _id: new Types.ObjectId(),
      creator: new Types.ObjectId(resource.creatorId),
      deleted: false,
      description: resource.description,
      domain: new Types.ObjectId(resource.domainId),
      icon: resource.icon,
      name: resource.name,
      timestamps: { creation: now, updatedAt: now },
      type: 'resource',
    };
    await this.model.collection.insertOne(document);
    return ResourceMapper.toDomain(document);
  }

  async update(id: string, changes: ResourceChanges, now = new Date()): Promise<Resource | undefined> {
    const current = await this.document(id);
    if (!current || current.deleted === true) return undefined;
    const replacement = {
      _id: current._id,
      creator: current.creator,
      deleted: false,
      description: changes.description ?? current.description ?? '',
      domain: current.domain,
      icon: changes.icon ?? current.icon ?? '',
      name: changes.name ?? current.name ?? '',
      timestamps: { creation: current.timestamps?.creation ?? now, updatedAt: now },
      type: 'resource',
    };
    const result = await this.model.collection.replaceOne(
      { _id: current._id, deleted: { $ne: true } },
      replacement,
    );
    return result.matchedCount === 1 ? ResourceMapper.toDomain(replacement) : undefined;
  }

  async softDelete(id: string): Promise<boolean> {
    if (!isObjectIdHex(id)) return false;
    const result = await this.model.collection.updateOne(
      { _id: new Types.ObjectId(id), deleted: { $ne: true } },
      { $set: { deleted: true } },
    );
    return result.matchedCount === 1;
  }

  async remove(id: string): Promise<void> {
    if (!isObjectIdHex(id)) return;
    await this.model.collection.deleteOne({ _id: new Types.ObjectId(id) });
  }

  private async document(id: string): Promise<ResourceDocument | null> {
    if (!isObjectIdHex(id)) return null;
    return this.model.findById(new Types.ObjectId(id)).lean<ResourceDocument>().exec();
  }
}
