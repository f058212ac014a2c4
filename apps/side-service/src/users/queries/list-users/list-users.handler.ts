import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { User, UserRepository } from '@app/persistence';
import { ListUsersQuery } from './list-users.query';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  execute(query: ListUsersQuery): Promise<User[]> {
    return query.domainId === undefined ? this.users.list() : this.users.listByDomain(query.domainId);
  }
}
