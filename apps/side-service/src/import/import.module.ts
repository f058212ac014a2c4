import { Module } from '@nestjs/common';
import { StartImportController } from './commands/start-import/start-import.http.controller';
import { StartImportHandler } from './commands/start-import/start-import.handler';
import { UploadFileController } from './commands/upload-file/upload-file.http.controller';
import { UploadFileHandler } from './commands/upload-file/upload-file.handler';
import { ImportRunner } from './import-runner';
import { UploadSweeper } from './upload-sweeper';

const httpControllers = [UploadFileController, StartImportController];
const commandHandlers = [UploadFileHandler, StartImportHandler];
const services = [ImportRunner, UploadSweeper];

/** Upload of ICS/vCard files and their import into DAV collections (rest-api.md §5.10). */
@Module({ controllers: httpControllers, providers: [...commandHandlers, ...services] })
export class ImportModule {}
