import { Command } from '@nestjs/cqrs';

/** What can be done to an address book of a user (webadmin.md §10.2). */
export type UserAddressBookChange =
  | { kind: 'delete' }
  | { kind: 'public-right'; privilege: string }
  | { kind: 'share'; sharees: { 'dav:href': string; 'dav:share-access': number }[] };

/** Applies a change to `/addressbooks/{userId}/{bookId}`, which must exist ("Address book does not exist"). */
export class ChangeUserAddressBookCommand extends Command<void> {
  constructor(
    public readonly username: string,
    public readonly bookId: string,
    public readonly change: UserAddressBookChange,
  ) {
    super();
  }
}
