import { Command } from '@nestjs/cqrs';

/** Starts `DeleteUserDataTask` (webadmin.md §5.4); resolves to its id. */
export class DeleteUserDataCommand extends Command<string> {
  constructor(
    public readonly username: string,
    public readonly fromStep: string | undefined,
    public readonly force: boolean,
  ) {
    super();
  }
}
