import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CredentialDirectory } from '@app/directory';
import { DirectoryUserExistsQuery } from './directory-user-exists.query';

@QueryHandler(DirectoryUserExistsQuery)
export class DirectoryUserExistsHandler implements IQueryHandler<DirectoryUserExistsQuery> {
  constructor(private readonly directory: CredentialDirectory) {}

  execute(query: DirectoryUserExistsQuery): Promise<boolean> {
    return this.directory.exists(query.username);
  }
}
