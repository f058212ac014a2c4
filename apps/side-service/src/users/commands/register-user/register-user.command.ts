import { Command } from '@nestjs/cqrs';
import type { User } from '@app/persistence';

export class RegisterUserCommand extends Command<User> {
  constructor(
    public readonly email: string,
    public readonly firstname: string,
    public readonly lastname: string,
    /** When set, the address must belong to this domain. */
    public readonly scopeDomain?: string,
  ) {
    super();
  }
}
