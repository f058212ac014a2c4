import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types, mongo } from 'mongoose';
import { isObjectIdHex } from '@app/core';
import { NewUploadedFile, UploadedFile } from './uploaded-file';
import { UploadedFileRepository } from './uploaded-file.repository';
import {
  UPLOADED_FILE_CHUNKS_COLLECTION,
  UploadedFileChunkDocument,
  UploadedFileDocument,
} from './uploaded-file.schema';

/** Content up to this size stays inline in `data` (the original's format); larger content goes to chunks. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

const toDomain = (document: UploadedFileDocument): UploadedFile => ({
  id: document._id.toHexString(),
  username: document.username,
  fileName: document.fileName,
  mimeType: document.mimeType,
  created: document.created,
  size: Number(document.size),
});

const SUMMARY = { data: 0 } as const;

@Injectable()
export class UploadedFileMongoRepository extends UploadedFileRepository {
  private readonly chunks: mongo.Collection<UploadedFileChunkDocument>;

  constructor(
    @InjectModel(UploadedFileDocument.name) private readonly model: Model<UploadedFileDocument>,
    @InjectConnection() connection: Connection,
  ) {
    super();
    this.chunks = connection.db!.collection<UploadedFileChunkDocument>(UPLOADED_FILE_CHUNKS_COLLECTION);
  }

  async store(file: NewUploadedFile, content: AsyncIterable<Buffer>): Promise<UploadedFile> {
    const _id = new Types.ObjectId();
    let pending: Buffer[] = [];
    let pendingSize = 0;
    let size = 0;
    let written = 0;
    const flush = async (final: boolean) => {
      while (pendingSize >= UPLOAD_CHUNK_BYTES || (final && pendingSize > 0)) {
        const all = Buffer.concat(pending);
        const piece = all.subarray(0, UPLOAD_CHUNK_BYTES);
        const rest = all.subarray(piece.length);
        await this.chunks.insertOne({
          _id: new Types.ObjectId(),
          files_id: _id,
          n: written++,
          data: new mongo.Binary(piece),
        });
        pending = rest.length ? [rest] : [];
        pendingSize = rest.length;
      }
    };
    try {
      for await (const chunk of content) {
        pending.push(chunk);
        pendingSize += chunk.length;
        size += chunk.length;
        // Chunking starts once the content cannot stay inline.
        if (size > UPLOAD_CHUNK_BYTES) await flush(false);
      }
      const inline = written === 0 && size <= UPLOAD_CHUNK_BYTES;
      if (!inline) await flush(true);
      await this.model.collection.insertOne({
        _id,
        username: file.username,
        fileName: file.fileName,
        mimeType: file.mimeType,
        created: file.created,
        size: mongo.Long.fromNumber(size),
        ...(inline ? { data: new mongo.Binary(Buffer.concat(pending)) } : { chunks: written }),
      });
    } catch (error) {
      await this.chunks.deleteMany({ files_id: _id }).catch(() => undefined);
      throw error;
    }
    return { ...file, id: _id.toHexString(), size };
  }

  async find(id: string, username: string, notBefore: Date): Promise<UploadedFile | undefined> {
    if (!isObjectIdHex(id)) return undefined;
    const document = await this.model
      .findOne({ _id: new Types.ObjectId(id), username, created: { $gte: notBefore } }, SUMMARY)
      .lean<UploadedFileDocument>()
      .exec();
    return document ? toDomain(document) : undefined;
  }

  async *read(file: UploadedFile): AsyncIterable<Buffer> {
    const _id = new Types.ObjectId(file.id);
    const document = await this.model.collection.findOne({ _id }, { projection: { data: 1 } });
    if (document?.data) {
      yield Buffer.from((document.data as mongo.Binary).buffer);
      return;
    }
    // Two chunks per batch: a large file is never loaded whole.
    const cursor = this.chunks.find({ files_id: _id }, { sort: { n: 1 }, batchSize: 2 });
    for await (const chunk of cursor) yield Buffer.from(chunk.data.buffer);
  }

  async listByUser(username: string, notBefore: Date): Promise<UploadedFile[]> {
    const documents = await this.model
      .find({ username, created: { $gte: notBefore } }, SUMMARY)
      .sort({ created: 1, _id: 1 })
      .lean<UploadedFileDocument[]>()
      .exec();
    return documents.map(toDomain);
  }

  async delete(id: string, username: string): Promise<void> {
    if (!isObjectIdHex(id)) return;
    const _id = new Types.ObjectId(id);
    const deleted = await this.model.deleteOne({ _id, username }).exec();
    if (deleted.deletedCount > 0) await this.chunks.deleteMany({ files_id: _id });
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    const expired = await this.model
      .find({ created: { $lt: date } }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    const ids = expired.map((document) => document._id);
    if (ids.length > 0) {
      await this.chunks.deleteMany({ files_id: { $in: ids } });
      await this.model.deleteMany({ _id: { $in: ids } }).exec();
    }
    // Chunks of uploads that never completed: written before `date`, so their upload started before it too.
    await this.chunks.deleteMany({
      _id: { $lt: Types.ObjectId.createFromTime(Math.floor(date.getTime() / 1000)) },
    });
    return ids.length;
  }
}
