import { Query } from '@nestjs/cqrs';
import type { Domain, Resource } from '@app/persistence';
import type { ResourceAdministrator } from '../../../openpaas/resource.json';
import type { Viewer } from '../../../openpaas/viewer';

export interface VisibleResource {
  resource: Resource;
  domain: Domain;
  administrators: ResourceAdministrator[];
}

/** A resource by id, deleted ones too; `undefined` when unknown, malformed or of another domain (rest-api.md §5.6). */
export class GetResourceQuery extends Query<VisibleResource | undefined> {
  constructor(
    public readonly viewer: Viewer,
    public readonly id: string,
  ) {
    super();
  }
}
