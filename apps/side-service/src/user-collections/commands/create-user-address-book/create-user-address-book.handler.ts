import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavAddressBookClient } from '@app/dav-client';
import { CollectionOwners } from '../../collection-owner';
import { CreateUserAddressBookCommand } from './create-user-address-book.command';

@CommandHandler(CreateUserAddressBookCommand)
export class CreateUserAddressBookHandler implements ICommandHandler<CreateUserAddressBookCommand> {
  constructor(
    private readonly owners: CollectionOwners,
    private readonly dav: DavAddressBookClient,
  ) {}

  async execute({ username, book }: CreateUserAddressBookCommand): Promise<string> {
    const { user, identity } = await this.owners.resolve(username);
    await this.dav.create(identity, user.id, {
      id: book.id,
      'dav:name': book.name,
      ...(book.description !== undefined ? { 'carddav:description': book.description } : {}),
      'dav:acl': ['dav:read', 'dav:write'],
      type: 'user',
    });
    return book.id;
  }
}
