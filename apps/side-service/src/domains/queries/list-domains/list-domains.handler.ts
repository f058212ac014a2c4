import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Domain, DomainRepository } from '@app/persistence';
import { ListDomainsQuery } from './list-domains.query';

@QueryHandler(ListDomainsQuery)
export class ListDomainsHandler implements IQueryHandler<ListDomainsQuery> {
  constructor(private readonly domains: DomainRepository) {}

  execute(): Promise<Domain[]> {
    return this.domains.list();
  }
}
