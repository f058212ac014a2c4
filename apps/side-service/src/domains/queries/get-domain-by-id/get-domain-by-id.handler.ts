import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Domain, DomainRepository } from '@app/persistence';
import { canSeeDomain } from '../../../openpaas/viewer';
import { GetDomainByIdQuery } from './get-domain-by-id.query';

@QueryHandler(GetDomainByIdQuery)
export class GetDomainByIdHandler implements IQueryHandler<GetDomainByIdQuery> {
  constructor(private readonly domains: DomainRepository) {}

  async execute(query: GetDomainByIdQuery): Promise<Domain | undefined> {
    const domain = await this.domains.findById(query.id);
    return domain && canSeeDomain(query.viewer, domain.name) ? domain : undefined;
  }
}
