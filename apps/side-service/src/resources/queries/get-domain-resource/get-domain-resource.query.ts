import { Query } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';
import type { AdministeredResource } from '../../administered-resource';

/** A resource of the domain, deleted or not; `ResourceNotFoundError` when unknown, malformed, elsewhere or orphaned. */
export class GetDomainResourceQuery extends Query<AdministeredResource> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
  ) {
    super();
  }
}
