import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavAddressBookClient } from '@app/dav-client';
import { CollectionOwners } from '../../collection-owner';
import { UserAddressBookNotFoundError } from '../../user-collections.errors';
import { ChangeUserAddressBookCommand } from './change-user-address-book.command';

@CommandHandler(ChangeUserAddressBookCommand)
export class ChangeUserAddressBookHandler implements ICommandHandler<ChangeUserAddressBookCommand> {
  constructor(
    private readonly owners: CollectionOwners,
    private readonly dav: DavAddressBookClient,
  ) {}

  async execute({ username, bookId, change }: ChangeUserAddressBookCommand): Promise<void> {
    const { user, identity } = await this.owners.resolve(username);
    if (change.kind === 'delete') {
      // Only a listed book can be deleted; a system one (empty type) is refused by the DAV server (501).
      const books = await this.dav.list(identity, user.id);
      if (!books.some((book) => book.id === bookId)) throw new UserAddressBookNotFoundError();
      return this.dav.deleteBook(identity, user.id, bookId);
    }
    if (!(await this.dav.exists(identity, user.id, bookId))) throw new UserAddressBookNotFoundError();
    const body =
      change.kind === 'share'
        ? { 'dav:share-resource': { 'dav:sharee': change.sharees } }
        : change.privilege
          ? { 'dav:publish-addressbook': { privilege: change.privilege } }
          : { 'dav:unpublish-addressbook': true };
    await this.dav.post(identity, user.id, bookId, body);
  }
}
