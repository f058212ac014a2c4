import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types, mongo } from 'mongoose';
import { CollectionIndexes } from '../mongo/index-spec';

export const UPLOADED_FILES_COLLECTION = 'twake_calendar_uploaded_files';
/** Content of uploads too large for one document, in order (our addition: the original keeps `data` inline). */
export const UPLOADED_FILE_CHUNKS_COLLECTION = 'twake_calendar_uploaded_file_chunks';

/** storage.md §7. `size` is an Int64; `data` holds the content when it fits in one inline chunk. */
@Schema({ collection: UPLOADED_FILES_COLLECTION, versionKey: false, autoIndex: false, autoCreate: false })
export class UploadedFileDocument {
  _id!: Types.ObjectId;
  @Prop({ type: String, required: true }) username!: string;
  @Prop({ type: String, required: true }) fileName!: string;
  @Prop({ type: String, required: true }) mimeType!: string;
  @Prop({ type: Date, required: true }) created!: Date;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) size!: mongo.Long | number;
  @Prop({ type: Buffer }) data?: mongo.Binary | Buffer;
  /** Number of chunk documents when the content is not inline. */
  @Prop({ type: Number }) chunks?: number;
}

export const UploadedFileSchema = SchemaFactory.createForClass(UploadedFileDocument);

export interface UploadedFileChunkDocument {
  _id: Types.ObjectId;
  files_id: Types.ObjectId;
  n: number;
  data: mongo.Binary;
}

export function uploadedFileIndexes(expirationSeconds: number): CollectionIndexes[] {
  return [
    {
      collection: UPLOADED_FILES_COLLECTION,
      indexes: [
        { keys: { created: 1 }, options: { expireAfterSeconds: expirationSeconds } },
        { keys: { username: 1 } },
      ],
    },
    {
      collection: UPLOADED_FILE_CHUNKS_COLLECTION,
      indexes: [{ keys: { files_id: 1, n: 1 }, options: { unique: true } }],
    },
  ];
}
