import { Command } from '@nestjs/cqrs';

/** Adds a user to the (in-memory) directory, or changes its password with `force`. */
export class SetDirectoryPasswordCommand extends Command<void> {
  constructor(
    public readonly username: string,
    public readonly password: string,
    public readonly force: boolean,
  ) {
    super();
  }
}
