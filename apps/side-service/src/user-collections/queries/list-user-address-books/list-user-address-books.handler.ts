import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DavAddressBookClient } from '@app/dav-client';
import { CollectionOwners } from '../../collection-owner';
import { ListUserAddressBooksQuery } from './list-user-address-books.query';

@QueryHandler(ListUserAddressBooksQuery)
export class ListUserAddressBooksHandler implements IQueryHandler<ListUserAddressBooksQuery> {
  constructor(
    private readonly owners: CollectionOwners,
    private readonly dav: DavAddressBookClient,
  ) {}

  async execute({ username }: ListUserAddressBooksQuery): Promise<string> {
    const { user, identity } = await this.owners.resolve(username);
    return this.dav.homeJson(identity, user.id);
  }
}
