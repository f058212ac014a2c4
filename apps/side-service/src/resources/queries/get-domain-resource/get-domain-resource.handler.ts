import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ResourceRepository } from '@app/persistence';
import { AdministeredResource, AdministeredResources } from '../../administered-resource';
import { ResourceNotFoundError, resourceOfDomain } from '../../domain-resource';
import { GetDomainResourceQuery } from './get-domain-resource.query';

@QueryHandler(GetDomainResourceQuery)
export class GetDomainResourceHandler implements IQueryHandler<GetDomainResourceQuery> {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly administered: AdministeredResources,
  ) {}

  async execute({ domain, id }: GetDomainResourceQuery): Promise<AdministeredResource> {
    const resource = await resourceOfDomain(this.resources, domain, id, true);
    const shown = await this.administered.of(resource, domain);
    if (!shown) throw new ResourceNotFoundError(id);
    return shown;
  }
}
