import { Command } from '@nestjs/cqrs';

/** Starts the `add-missing-fields` task; resolves to its id. */
export class AddMissingFieldsCommand extends Command<string> {}
