/** A user upload (ICS or vCard) kept for a later import. */
export interface UploadedFile {
  /** ObjectId hex, given to the client as the file id. */
  id: string;
  /** Owner's email; uploads are private to it. */
  username: string;
  fileName: string;
  mimeType: string;
  created: Date;
  /** Byte count. */
  size: number;
}

export type NewUploadedFile = Omit<UploadedFile, 'id' | 'size'>;
