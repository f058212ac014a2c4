import { Injectable } from '@nestjs/common';
import { ResourceRepository } from '@app/persistence';
import { LocalResourceLookup } from './local-resource-lookup';

/** Local resources from the `resources` collection. */
@Injectable()
export class RepositoryResourceLookup extends LocalResourceLookup {
  constructor(private readonly resources: ResourceRepository) {
    super();
  }

  async isActiveResourceOf(resourceId: string, domainId: string): Promise<boolean> {
    const resource = await this.resources.findById(resourceId);
    return Boolean(resource && !resource.deleted && resource.domainId === domainId);
  }
}
