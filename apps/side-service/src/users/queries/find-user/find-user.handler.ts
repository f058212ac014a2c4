import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { User, UserRepository } from '@app/persistence';
import { FindUserQuery } from './find-user.query';

@QueryHandler(FindUserQuery)
export class FindUserHandler implements IQueryHandler<FindUserQuery> {
  constructor(private readonly users: UserRepository) {}

  execute(query: FindUserQuery): Promise<User | undefined> {
    return query.by === 'id' ? this.users.findById(query.value) : this.users.findByEmail(query.value.trim());
  }
}
