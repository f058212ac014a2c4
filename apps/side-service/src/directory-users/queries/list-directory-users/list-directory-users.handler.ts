import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CredentialDirectory } from '@app/directory';
import { ListDirectoryUsersQuery } from './list-directory-users.query';

@QueryHandler(ListDirectoryUsersQuery)
export class ListDirectoryUsersHandler implements IQueryHandler<ListDirectoryUsersQuery> {
  constructor(private readonly directory: CredentialDirectory) {}

  execute(query: ListDirectoryUsersQuery): Promise<string[]> {
    return this.directory.list(query.domain);
  }
}
