import { Command } from '@nestjs/cqrs';

/** Starts importing an uploaded file into a collection; the result is the import id (processing goes on). */
export class StartImportCommand extends Command<string> {
  constructor(
    public readonly username: string,
    public readonly fileId: string,
    /** `/calendars/{home}/{id}[.json]` or `/addressbooks/{home}/{id}[.json]`; only segments 2 and 3 count. */
    public readonly target: string,
  ) {
    super();
  }
}
