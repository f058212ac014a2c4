import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DavCalendarsClient } from '@app/dav-client';
import { CollectionOwners } from '../../collection-owner';
import { ListUserCalendarsQuery } from './list-user-calendars.query';

@QueryHandler(ListUserCalendarsQuery)
export class ListUserCalendarsHandler implements IQueryHandler<ListUserCalendarsQuery> {
  constructor(
    private readonly owners: CollectionOwners,
    private readonly dav: DavCalendarsClient,
  ) {}

  async execute({ username }: ListUserCalendarsQuery): Promise<string> {
    const { user, identity } = await this.owners.resolve(username);
    return this.dav.homeJson(identity, user.id);
  }
}
