import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AuthTicket } from './auth-ticket';
import { AuthTicketRepository } from './auth-ticket.repository';
import { AuthTicketDocument } from './auth-ticket.schema';

const toDomain = (document: AuthTicketDocument): AuthTicket => ({
  value: document._id,
  username: document.username,
  clientAddress: document.clientAddress,
  generatedOn: document.generatedOn,
  validUntil: document.validUntil,
});

@Injectable()
export class AuthTicketMongoRepository extends AuthTicketRepository {
  constructor(@InjectModel(AuthTicketDocument.name) private readonly model: Model<AuthTicketDocument>) {
    super();
  }

  async insert(ticket: AuthTicket): Promise<void> {
    await this.model.collection.insertOne({
      _id: ticket.value as never,
      username: ticket.username,
      clientAddress: ticket.clientAddress,
      generatedOn: ticket.generatedOn,
      validUntil: ticket.validUntil,
    });
  }

  async find(value: string): Promise<AuthTicket | undefined> {
    const document = await this.model.findById(value).lean<AuthTicketDocument>().exec();
    return document ? toDomain(document) : undefined;
  }

  async take(value: string): Promise<AuthTicket | undefined> {
    const document = await this.model.findByIdAndDelete(value).lean<AuthTicketDocument>().exec();
    return document ? toDomain(document) : undefined;
  }

  async delete(value: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: value }).exec()).deletedCount > 0;
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.model.deleteMany({ validUntil: { $lt: now } }).exec()).deletedCount;
  }
}
