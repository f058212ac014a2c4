import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { isDuplicateKeyError } from '../mongo/duplicate-key';
import { startingWith } from '../mongo/regex';
import { NewUser, User, UserUpdate } from './user';
import { UserAlreadyExistsError, UserNotFoundError } from './user.errors';
import { UserMapper, loginOf, splitFirstnames } from './user.mapper';
import { UserDocument } from './user.schema';
import { BackfillProgress, UserRepository } from './user.repository';

@Injectable()
export class UserMongoRepository extends UserRepository {
  constructor(@InjectModel(UserDocument.name) private readonly model: Model<UserDocument>) {
    super();
  }

  async create(user: NewUser): Promise<User> {
    if (await this.findByEmail(user.email)) throw new UserAlreadyExistsError(user.email);
    try {
      const [created] = await this.model.insertMany([UserMapper.newDocument(user)], { lean: true });
      return UserMapper.toDomain(created as unknown as UserDocument);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new UserAlreadyExistsError(user.email);
      throw error;
    }
  }

  async findById(id: string): Promise<User | undefined> {
    if (!isObjectIdHex(id)) return undefined;
    const document = await this.model.findById(new Types.ObjectId(id)).lean<UserDocument>().exec();
    return document ? UserMapper.toDomain(document) : undefined;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const address = email.toLowerCase();
    const document = await this.model
      .findOne({ $or: [{ email: address }, { 'accounts.emails': address }] })
      .lean<UserDocument>()
      .exec();
    return document ? UserMapper.toDomain(document) : undefined;
  }

  async findByEmails(emails: string[]): Promise<User[]> {
    const addresses = [...new Set(emails.map((email) => email.toLowerCase()))];
    if (addresses.length === 0) return [];
    const documents = await this.model
      .find({ $or: [{ email: { $in: addresses } }, { 'accounts.emails': { $in: addresses } }] })
      .lean<UserDocument[]>()
      .exec();
    return documents.map(UserMapper.toDomain);
  }

  async search(domainId: string, query: string, limit: number): Promise<User[]> {
    if (!isObjectIdHex(domainId) || limit <= 0) return [];
    const prefix = { $regex: startingWith(query), $options: 'i' };
    const documents = await this.model
      .find({
        'domains.domain_id': new Types.ObjectId(domainId),
        $or: [
          { 'accounts.emails': prefix },
          { firstname: prefix },
          { lastname: prefix },
          { firstnames: prefix },
        ],
      })
      .limit(limit)
      .lean<UserDocument[]>()
      .exec();
    return documents.map(UserMapper.toDomain);
  }

  async findPasswordHash(email: string): Promise<string | undefined> {
    const address = email.toLowerCase();
    const document = await this.model
      .findOne({ $or: [{ email: address }, { 'accounts.emails': address }] }, { password: 1 })
      .lean<Pick<UserDocument, 'password'>>()
      .exec();
    return typeof document?.password === 'string' ? document.password : undefined;
  }

  async list(): Promise<User[]> {
    const documents = await this.model.find().sort({ _id: 1 }).lean<UserDocument[]>().exec();
    return documents.map(UserMapper.toDomain);
  }

  async listByDomain(domainId: string): Promise<User[]> {
    if (!isObjectIdHex(domainId)) return [];
    const documents = await this.model
      .find({ 'domains.domain_id': new Types.ObjectId(domainId) })
      .sort({ _id: 1 })
      .lean<UserDocument[]>()
      .exec();
    return documents.map(UserMapper.toDomain);
  }

  async update(id: string, update: UserUpdate): Promise<void> {
    if (!isObjectIdHex(id)) throw new UserNotFoundError(id);
    const owner = await this.findByEmail(update.email);
    if (owner && owner.id !== id) throw new UserAlreadyExistsError(update.email);
    try {
      const result = await this.model
        .updateOne({ _id: new Types.ObjectId(id) }, { $set: UserMapper.toPersistence(update) })
        .exec();
      if (result.matchedCount === 0) throw new UserNotFoundError(id);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new UserAlreadyExistsError(update.email);
      throw error;
    }
  }

  async backfillMissingFields(progress: BackfillProgress, signal?: AbortSignal): Promise<void> {
    const cursor = this.model
      .find({ $or: [{ email: { $exists: false } }, { firstnames: { $exists: false } }] })
      .sort({ _id: 1 })
      .lean<UserDocument>()
      .cursor();
    for await (const document of cursor) {
      if (signal?.aborted) break;
      progress.processed++;
      const set: Partial<UserDocument> = {};
      const login =
        document.accounts?.find((account) => account.type === 'email')?.emails?.[0] ?? loginOf(document);
      if (document.email === undefined && login) set.email = login.toLowerCase();
      if (document.firstnames === undefined) set.firstnames = splitFirstnames(document.firstname ?? '');
      if (Object.keys(set).length === 0) continue;
      try {
        await this.model.updateOne({ _id: document._id }, { $set: set }).exec();
        progress.upgraded++;
      } catch {
        progress.failed++;
      }
    }
    await cursor.close();
  }

  async deleteByEmail(email: string): Promise<boolean> {
    const address = email.toLowerCase();
    const result = await this.model
      .deleteOne({ $or: [{ email: address }, { 'accounts.emails': address }] })
      .exec();
    return result.deletedCount > 0;
  }
}
