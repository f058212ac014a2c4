import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DomainSettings } from './domain-settings';
import { DomainSettingsMapper } from './domain-settings.mapper';
import { DomainSettingsRepository } from './domain-settings.repository';
import { DomainSettingsDocument } from './domain-settings.schema';

@Injectable()
export class DomainSettingsMongoRepository extends DomainSettingsRepository {
  constructor(
    @InjectModel(DomainSettingsDocument.name) private readonly model: Model<DomainSettingsDocument>,
  ) {
    super();
  }

  async findByDomain(domainName: string): Promise<DomainSettings> {
    const document = await this.model
      .findOne({ domain: domainName.toLowerCase() })
      .lean<DomainSettingsDocument>()
      .exec();
    return document ? DomainSettingsMapper.toDomain(document) : {};
  }

  async save(domainName: string, settings: DomainSettings): Promise<void> {
    const domain = domainName.toLowerCase();
    const $set: Record<string, unknown> = { domain };
    const $unset: Record<string, ''> = {};
    for (const field of DomainSettingsMapper.FIELDS) {
      if (settings[field] === undefined) $unset[field] = '';
      else $set[field] = settings[field];
    }
    await this.model.collection.updateOne({ domain }, { $set, $unset }, { upsert: true });
  }

  async patch(
    domainName: string,
    set: DomainSettings,
    unset: readonly (keyof DomainSettings)[],
  ): Promise<void> {
    const domain = domainName.toLowerCase();
    const $set: Record<string, unknown> = {};
    for (const field of DomainSettingsMapper.FIELDS) if (set[field] !== undefined) $set[field] = set[field];
    const $unset = Object.fromEntries(unset.filter((field) => !(field in $set)).map((field) => [field, '']));
    if (Object.keys($set).length === 0 && Object.keys($unset).length === 0) return;
    await this.model.collection.updateOne(
      { domain },
      { $set: { ...$set, domain }, ...(Object.keys($unset).length > 0 ? { $unset } : {}) },
      { upsert: true },
    );
  }
}
