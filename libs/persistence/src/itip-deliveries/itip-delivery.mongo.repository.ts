import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKeyError } from '../mongo/duplicate-key';
import { ItipDeliveryClaim } from './itip-delivery';
import { ItipDeliveryRepository } from './itip-delivery.repository';
import { ItipDeliveryDocument } from './itip-delivery.schema';

@Injectable()
export class ItipDeliveryMongoRepository extends ItipDeliveryRepository {
  constructor(@InjectModel(ItipDeliveryDocument.name) private readonly model: Model<ItipDeliveryDocument>) {
    super();
  }

  async claim(key: string, now: Date, leaseMs: number, retentionMs: number): Promise<ItipDeliveryClaim> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const expiresAt = new Date(now.getTime() + Math.max(leaseMs, retentionMs));
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.collection.insertOne({
          _id: key as never,
          state: 'processing',
          itipDelivered: false,
          leaseUntil,
          expiresAt,
        });
        return { state: 'claimed', itipDelivered: false };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.model.findById(key).lean<ItipDeliveryDocument>().exec();
      if (!existing) continue; // swept meanwhile: insert again
      if (existing.expiresAt.getTime() <= now.getTime()) {
        await this.model.deleteOne({ _id: key, expiresAt: existing.expiresAt }).exec();
        continue;
      }
      if (existing.state === 'done') return { state: 'done' };
      if (existing.leaseUntil.getTime() > now.getTime()) return { state: 'in-progress' };
      const takeover = await this.model
        .updateOne(
          { _id: key, state: 'processing', leaseUntil: existing.leaseUntil },
          { $set: { leaseUntil, expiresAt } },
        )
        .exec();
      if (takeover.modifiedCount === 1) return { state: 'claimed', itipDelivered: existing.itipDelivered };
    }
    return { state: 'in-progress' };
  }

  async markItipDelivered(key: string): Promise<void> {
    await this.model.updateOne({ _id: key }, { $set: { itipDelivered: true } }).exec();
  }

  async complete(key: string, expiresAt: Date): Promise<void> {
    await this.model.updateOne({ _id: key }, { $set: { state: 'done', expiresAt } }).exec();
  }

  async release(key: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: key, state: 'processing' }, { $set: { leaseUntil: now } }).exec();
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lt: now } }).exec()).deletedCount;
  }
}
