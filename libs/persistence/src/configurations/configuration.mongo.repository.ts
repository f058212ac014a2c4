import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { ConfigurationEntry } from './configuration';
import { ConfigurationMapper } from './configuration.mapper';
import { ConfigurationRepository } from './configuration.repository';
import { ConfigurationDocument } from './configuration.schema';

@Injectable()
export class ConfigurationMongoRepository extends ConfigurationRepository {
  constructor(@InjectModel(ConfigurationDocument.name) private readonly model: Model<ConfigurationDocument>) {
    super();
  }

  async findEntries(domainId: string, userId: string): Promise<ConfigurationEntry[]> {
    if (!isObjectIdHex(domainId) || !isObjectIdHex(userId)) return [];
    // Read on every GET /api/user: the driver's find, without a mongoose query to build and cast (a lean read).
    const document = await this.model.collection.findOne<ConfigurationDocument>({
      domain_id: new Types.ObjectId(domainId),
      user_id: new Types.ObjectId(userId),
    });
    return document ? ConfigurationMapper.toEntries(document) : [];
  }

  async replaceEntries(domainId: string, userId: string, entries: ConfigurationEntry[]): Promise<void> {
    await this.model.collection.updateOne(
      { domain_id: new Types.ObjectId(domainId), user_id: new Types.ObjectId(userId) },
      { $set: { modules: ConfigurationMapper.toModules(entries) } },
      { upsert: true },
    );
  }
}
