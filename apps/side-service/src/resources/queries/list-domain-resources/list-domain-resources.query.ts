import { Query } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';
import type { AdministeredResource } from '../../administered-resource';

/** Every resource of the domain, deleted ones included; those whose creator is gone are left out. */
export class ListDomainResourcesQuery extends Query<AdministeredResource[]> {
  constructor(public readonly domain: Domain) {
    super();
  }
}
