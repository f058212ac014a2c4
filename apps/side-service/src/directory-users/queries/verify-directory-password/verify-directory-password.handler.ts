import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CredentialDirectory } from '@app/directory';
import { VerifyDirectoryPasswordQuery } from './verify-directory-password.query';

@QueryHandler(VerifyDirectoryPasswordQuery)
export class VerifyDirectoryPasswordHandler implements IQueryHandler<VerifyDirectoryPasswordQuery> {
  constructor(private readonly directory: CredentialDirectory) {}

  execute(query: VerifyDirectoryPasswordQuery): Promise<boolean> {
    return this.directory.verify(query.username, query.password);
  }
}
