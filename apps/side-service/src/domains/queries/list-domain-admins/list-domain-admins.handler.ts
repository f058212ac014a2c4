import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainNotFoundError, DomainRepository, UserRepository } from '@app/persistence';
import { ListDomainAdminsQuery } from './list-domain-admins.query';

@QueryHandler(ListDomainAdminsQuery)
export class ListDomainAdminsHandler implements IQueryHandler<ListDomainAdminsQuery> {
  constructor(
    private readonly domains: DomainRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(query: ListDomainAdminsQuery): Promise<string[]> {
    const domain = await this.domains.findByName(query.domainName);
    if (!domain) throw new DomainNotFoundError(query.domainName);
    const users = await Promise.all(domain.administrators.map((admin) => this.users.findById(admin.userId)));
    return users
      .filter((user) => user !== undefined)
      .map((user) => user.email)
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  }
}
