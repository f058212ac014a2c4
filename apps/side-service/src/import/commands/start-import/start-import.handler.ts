import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '@app/core';
import { UploadedFileRepository } from '@app/persistence';
import { ImportRunner } from '../../import-runner';
import { UploadSweeper } from '../../upload-sweeper';
import { StartImportCommand } from './start-import.command';

/**
 * rest-api.md §5.10: the target's first segment is ignored, the kind of import comes from the uploaded file's MIME
 * type. Processing continues after the answer; the uploaded file is kept.
 */
@CommandHandler(StartImportCommand)
export class StartImportHandler implements ICommandHandler<StartImportCommand> {
  private readonly logger = new Logger(StartImportHandler.name);

  constructor(
    private readonly files: UploadedFileRepository,
    private readonly sweeper: UploadSweeper,
    private readonly runner: ImportRunner,
  ) {}

  async execute(command: StartImportCommand): Promise<string> {
    const segments = command.target.split('/');
    if (segments.length < 4) throw new InvalidArgumentError('Invalid target', 'Invalid target path');
    const homeId = segments[2]!;
    const collectionId = segments[3]!.replace(/\.json$/, '');
    if (!homeId || !collectionId) throw new InvalidArgumentError('Invalid target', 'Invalid target path');
    const file = await this.files.find(command.fileId, command.username, this.sweeper.notBefore());
    if (!file) throw new InvalidArgumentError('Unknown file', 'Uploaded file not found');
    const kind = file.mimeType.toLowerCase() === 'text/vcard' ? 'contacts' : 'calendar';
    const importId = randomUUID();
    void this.runner
      .run({ importId, username: command.username, file, kind, homeId, collectionId })
      .catch((error: unknown) => this.logger.error(`import ${importId} crashed: ${String(error)}`));
    return importId;
  }
}
