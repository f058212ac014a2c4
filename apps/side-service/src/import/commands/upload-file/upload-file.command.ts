import { Command } from '@nestjs/cqrs';

/** Stores an uploaded ICS or vCard file for a later import; the result is the file id. */
export class UploadFileCommand extends Command<string> {
  constructor(
    public readonly username: string,
    public readonly fileName: string,
    /** Declared size: an upper bound of the content. */
    public readonly declaredSize: number,
    public readonly mimeType: string,
    /** The file content as it arrives. */
    public readonly content: AsyncIterable<Buffer>,
  ) {
    super();
  }
}
