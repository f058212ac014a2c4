import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { duplicatesOf, isDuplicateKeyError } from '../mongo/duplicate-key';
import { DeliveryClaim } from './mail-delivery';
import { MailDeliveryRepository } from './mail-delivery.repository';
import { MailDeliveryDocument, SENT_SUFFIX } from './mail-delivery.schema';

@Injectable()
export class MailDeliveryMongoRepository extends MailDeliveryRepository {
  constructor(@InjectModel(MailDeliveryDocument.name) private readonly model: Model<MailDeliveryDocument>) {
    super();
  }

  async claim(key: string, now: Date, leaseMs: number, retainUntil: Date): Promise<DeliveryClaim> {
    return (await this.claimMany([key], now, leaseMs, retainUntil)).get(key)!;
  }

  async claimMany(
    keys: readonly string[],
    now: Date,
    leaseMs: number,
    retainUntil: Date,
  ): Promise<Map<string, DeliveryClaim>> {
    const unique = [...new Set(keys)];
    let taken = new Set<number>();
    try {
      await this.model.collection.insertMany(
        unique.map((key) => ({
          _id: key as never,
          state: 'sending',
          claimedAt: now,
          expiresAt: retainUntil,
        })),
        { ordered: false },
      );
    } catch (error) {
      taken = duplicatesOf(error);
    }
    const claims = new Map<string, DeliveryClaim>();
    for (const [index, key] of unique.entries())
      claims.set(key, taken.has(index) ? await this.resolveTaken(key, now, leaseMs, retainUntil) : 'claimed');
    return claims;
  }

  /** The key is claimed already: sent, in progress, or abandoned (lease over) and taken over. */
  private async resolveTaken(
    key: string,
    now: Date,
    leaseMs: number,
    retainUntil: Date,
  ): Promise<DeliveryClaim> {
    if (await this.model.exists({ _id: `${key}${SENT_SUFFIX}` })) return 'already-sent';
    const claim = await this.model.findById(key).lean<MailDeliveryDocument>().exec();
    if (claim && (claim.claimedAt?.getTime() ?? 0) + leaseMs > now.getTime()) return 'in-progress';
    if (claim) await this.model.deleteOne({ _id: key, claimedAt: claim.claimedAt }).exec();
    try {
      await this.model.collection.insertOne({
        _id: key as never,
        state: 'sending',
        claimedAt: now,
        expiresAt: retainUntil,
      });
      return 'claimed';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'in-progress';
      throw error;
    }
  }

  async markSent(keys: readonly string[], now: Date, retainUntil: Date): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.model.collection.insertMany(
        keys.map((key) => ({
          _id: `${key}${SENT_SUFFIX}` as never,
          state: 'sent',
          sentAt: now,
          expiresAt: retainUntil,
        })),
        { ordered: false },
      );
    } catch (error) {
      duplicatesOf(error); // already recorded: fine
    }
  }

  async renew(key: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: key, state: 'sending' }, { $set: { claimedAt: now } }).exec();
  }

  async release(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key, state: 'sending' }).exec();
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.model.deleteMany({ expiresAt: { $lt: now } }).exec()).deletedCount;
  }
}
