import { Command } from '@nestjs/cqrs';

/** Replaces e-mail (and domain membership), first and last names. */
export class UpdateUserCommand extends Command<void> {
  constructor(
    public readonly id: string,
    public readonly email: string,
    public readonly firstname: string,
    public readonly lastname: string,
    /** When set, both the user and the new address must belong to this domain. */
    public readonly scopeDomain?: string,
  ) {
    super();
  }
}
