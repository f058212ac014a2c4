import { Command } from '@nestjs/cqrs';

/** Creates a user address book (`POST /addressbooks/{userId}.json`, type `user`); resolves to its id. */
export class CreateUserAddressBookCommand extends Command<string> {
  constructor(
    public readonly username: string,
    public readonly book: { id: string; name: string; description?: string },
  ) {
    super();
  }
}
