import { ConfigService } from '@nestjs/config';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { AllConfig } from '@app/config';
import { InvalidArgumentError } from '@app/core';
import { UploadedFileRepository } from '@app/persistence';
import { UploadSweeper } from '../../upload-sweeper';
import { UploadFileCommand } from './upload-file.command';

/** Bytes still read (and counted, not stored) past the declared size, to report the real size. */
const OVERRUN_READ_LIMIT = 1024 * 1024;

/**
 * rest-api.md §5.10: a declared size above the quota is refused; otherwise the user's oldest uploads are deleted
 * until the new one fits, and the content is streamed to storage, refused when it exceeds its declared size.
 */
@CommandHandler(UploadFileCommand)
export class UploadFileHandler implements ICommandHandler<UploadFileCommand> {
  private readonly quota: number;

  constructor(
    private readonly files: UploadedFileRepository,
    private readonly sweeper: UploadSweeper,
    config: ConfigService<AllConfig, true>,
  ) {
    this.quota = config.get('upload', { infer: true }).userTotalLimitBytes;
  }

  async execute(command: UploadFileCommand): Promise<string> {
    if (command.declaredSize > this.quota)
      throw new InvalidArgumentError('Upload too large', 'File size exceeds user total upload limit');
    await this.makeRoom(command.username, command.declaredSize);
    const stored = await this.files.store(
      {
        username: command.username,
        fileName: command.fileName,
        mimeType: command.mimeType,
        created: new Date(),
      },
      bounded(command.content, command.declaredSize),
    );
    return stored.id;
  }

  private async makeRoom(username: string, size: number): Promise<void> {
    const existing = await this.files.listByUser(username, this.sweeper.notBefore());
    let used = existing.reduce((total, file) => total + file.size, 0);
    for (const oldest of existing) {
      if (used + size <= this.quota) break;
      await this.files.delete(oldest.id, username);
      used -= oldest.size;
    }
  }
}

/** The content, failing once it exceeds `limit` bytes (after reading a little further to report the real size). */
async function* bounded(content: AsyncIterable<Buffer>, limit: number): AsyncIterable<Buffer> {
  let size = 0;
  const iterator = content[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    size += next.value.length;
    if (size > limit) {
      while (size <= limit + OVERRUN_READ_LIMIT) {
        const more = await iterator.next();
        if (more.done) break;
        size += more.value.length;
      }
      throw new InvalidArgumentError(
        'Upload larger than declared',
        `Real size is greater than declared size, expected: ${limit}, got: ${size}`,
      );
    }
    yield next.value;
  }
}
