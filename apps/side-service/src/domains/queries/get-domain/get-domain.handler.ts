import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Domain, DomainRepository } from '@app/persistence';
import { assertDomainName } from '../../domain-name';
import { GetDomainQuery } from './get-domain.query';

@QueryHandler(GetDomainQuery)
export class GetDomainHandler implements IQueryHandler<GetDomainQuery> {
  constructor(private readonly domains: DomainRepository) {}

  execute(query: GetDomainQuery): Promise<Domain | undefined> {
    return this.domains.findByName(assertDomainName(query.name));
  }
}
