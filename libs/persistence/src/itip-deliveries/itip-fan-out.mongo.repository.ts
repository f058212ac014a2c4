import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKeyError } from '../mongo/duplicate-key';
import { ItipFanOutRepository } from './itip-fan-out.repository';
import { ItipFanOutDocument } from './itip-fan-out.schema';

@Injectable()
export class ItipFanOutMongoRepository extends ItipFanOutRepository {
  constructor(@InjectModel(ItipFanOutDocument.name) private readonly model: Model<ItipFanOutDocument>) {
    super();
  }

  async open(uid: string, fanOutId: string, keys: string[], now: Date, expiresAt: Date): Promise<boolean> {
    const pending = [...new Set(keys)];
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.collection.insertOne({ _id: uid as never, fanOutId, pending, expiresAt });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.model.findById(uid).lean<ItipFanOutDocument>().exec();
      if (!existing) continue; // closed meanwhile: insert again
      if (existing.pending.length > 0 && existing.expiresAt.getTime() > now.getTime()) return false;
      const replaced = await this.model
        .updateOne({ _id: uid, fanOutId: existing.fanOutId }, { $set: { fanOutId, pending, expiresAt } })
        .exec();
      if (replaced.modifiedCount === 1) return true;
    }
    return false;
  }

  async pending(uid: string, now: Date): Promise<string[]> {
    const existing = await this.model.findById(uid).lean<ItipFanOutDocument>().exec();
    return existing && existing.expiresAt.getTime() > now.getTime() ? existing.pending : [];
  }

  /** The emptied document stays until the next fan-out of the UID replaces it or the sweep drops it. */
  async settle(uid: string, key: string): Promise<void> {
    await this.model.updateOne({ _id: uid }, { $pull: { pending: key } }).exec();
  }

  async close(uid: string, fanOutId: string): Promise<void> {
    await this.model.deleteOne({ _id: uid, fanOutId }).exec();
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lt: now } }).exec()).deletedCount;
  }
}
