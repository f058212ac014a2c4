import { NewUploadedFile, UploadedFile } from './uploaded-file';

/** Port over `twake_calendar_uploaded_files`. Reads skip files created before `notBefore` (expired). */
export abstract class UploadedFileRepository {
  /**
   * Stores the content as it arrives (bounded memory) and returns the stored file, visible only once complete.
   * When `content` throws, whatever was written is removed and the error rethrown.
   */
  abstract store(file: NewUploadedFile, content: AsyncIterable<Buffer>): Promise<UploadedFile>;
  abstract find(id: string, username: string, notBefore: Date): Promise<UploadedFile | undefined>;
  /** The content, chunk by chunk. */
  abstract read(file: UploadedFile): AsyncIterable<Buffer>;
  /** The user's files, oldest first. */
  abstract listByUser(username: string, notBefore: Date): Promise<UploadedFile[]>;
  /** Idempotent. */
  abstract delete(id: string, username: string): Promise<void>;
  /** Removes files created before `date` and their content (the TTL index does it on MongoDB, not on FerretDB 1.x). */
  abstract deleteCreatedBefore(date: Date): Promise<number>;
}
