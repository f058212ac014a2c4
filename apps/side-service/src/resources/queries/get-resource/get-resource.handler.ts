import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainRepository, ResourceRepository } from '@app/persistence';
import { canSeeDomain } from '../../../openpaas/viewer';
import { ResourceAdministrators } from '../../resource-administrators';
import { GetResourceQuery, VisibleResource } from './get-resource.query';

@QueryHandler(GetResourceQuery)
export class GetResourceHandler implements IQueryHandler<GetResourceQuery> {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly domains: DomainRepository,
    private readonly administrators: ResourceAdministrators,
  ) {}

  async execute(query: GetResourceQuery): Promise<VisibleResource | undefined> {
    const resource = await this.resources.findById(query.id);
    if (!resource) return undefined;
    const domain = await this.domains.findById(resource.domainId);
    if (!domain || !canSeeDomain(query.viewer, domain.name)) return undefined;
    return { resource, domain, administrators: await this.administrators.of(resource) };
  }
}
