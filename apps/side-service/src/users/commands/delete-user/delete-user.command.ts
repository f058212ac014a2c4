import { Command } from '@nestjs/cqrs';

/** Removes the user document only. Resolves to whether a user was deleted. */
export class DeleteUserCommand extends Command<boolean> {
  constructor(
    public readonly email: string,
    /** When set, only a user of this domain is deleted. */
    public readonly scopeDomain?: string,
  ) {
    super();
  }
}
