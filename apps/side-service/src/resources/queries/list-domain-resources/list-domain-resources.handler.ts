import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ResourceRepository } from '@app/persistence';
import { AdministeredResource, AdministeredResources } from '../../administered-resource';
import { ListDomainResourcesQuery } from './list-domain-resources.query';

/** Administrators are read from DAV for a few resources at a time. */
const CONCURRENCY = 8;

@QueryHandler(ListDomainResourcesQuery)
export class ListDomainResourcesHandler implements IQueryHandler<ListDomainResourcesQuery> {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly administered: AdministeredResources,
  ) {}

  async execute({ domain }: ListDomainResourcesQuery): Promise<AdministeredResource[]> {
    const all = await this.resources.listByDomain(domain.id);
    const shown: (AdministeredResource | undefined)[] = [];
    for (let start = 0; start < all.length; start += CONCURRENCY)
      shown.push(
        ...(await Promise.all(
          all.slice(start, start + CONCURRENCY).map((resource) => this.administered.of(resource, domain)),
        )),
      );
    return shown.filter((resource): resource is AdministeredResource => resource !== undefined);
  }
}
