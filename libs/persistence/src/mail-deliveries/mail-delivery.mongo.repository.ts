import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKeyError } from '../mongo/duplicate-key';
import { DeliveryClaim } from './mail-delivery';
import { MailDeliveryRepository } from './mail-delivery.repository';
import { MailDeliveryDocument } from './mail-delivery.schema';

@Injectable()
export class MailDeliveryMongoRepository extends MailDeliveryRepository {
  constructor(@InjectModel(MailDeliveryDocument.name) private readonly model: Model<MailDeliveryDocument>) {
    super();
  }

  async claim(key: string, now: Date, leaseMs: number): Promise<DeliveryClaim> {
    const expiresAt = new Date(now.getTime() + leaseMs);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.collection.insertOne({
          _id: key as never,
          state: 'sending',
          claimedAt: now,
          expiresAt,
        });
        return 'claimed';
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.model.findById(key).lean<MailDeliveryDocument>().exec();
      if (!existing) continue; // swept meanwhile: insert again
      if (existing.expiresAt.getTime() > now.getTime())
        return existing.state === 'sent' ? 'already-sent' : 'in-progress';
      const takeover = await this.model
        .updateOne(
          { _id: key, expiresAt: existing.expiresAt },
          { $set: { state: 'sending', claimedAt: now, expiresAt }, $unset: { sentAt: 1 } },
        )
        .exec();
      if (takeover.modifiedCount === 1) return 'claimed';
    }
    return 'in-progress';
  }

  async claimMany(keys: readonly string[], now: Date, leaseMs: number): Promise<Map<string, DeliveryClaim>> {
    const unique = [...new Set(keys)];
    const expiresAt = new Date(now.getTime() + leaseMs);
    const taken = new Set<number>();
    try {
      await this.model.collection.insertMany(
        unique.map((key) => ({ _id: key as never, state: 'sending', claimedAt: now, expiresAt })),
        { ordered: false },
      );
    } catch (error) {
      const writeErrors = (
        error as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }
      ).writeErrors;
      const failures = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (failures.length === 0 || failures.some((failure) => failure.code !== 11000)) throw error;
      for (const failure of failures) taken.add(failure.index);
    }
    const claims = new Map<string, DeliveryClaim>();
    for (const [index, key] of unique.entries()) {
      claims.set(key, taken.has(index) ? await this.claim(key, now, leaseMs) : 'claimed');
    }
    return claims;
  }

  async markSent(key: string, now: Date, expiresAt: Date): Promise<void> {
    await this.model
      .updateOne({ _id: key }, { $set: { state: 'sent', sentAt: now, expiresAt } }, { upsert: true })
      .exec();
  }

  async markManySent(keys: readonly string[], now: Date, expiresAt: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.model
      .updateMany({ _id: { $in: [...keys] } }, { $set: { state: 'sent', sentAt: now, expiresAt } })
      .exec();
  }

  async release(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key, state: 'sending' }).exec();
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lt: now } }).exec()).deletedCount;
  }
}
