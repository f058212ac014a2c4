import { NotFoundError } from '@app/core';
import type { Domain, Resource, ResourceRepository } from '@app/persistence';

/** Unknown, malformed id, another domain (or deleted, when only active ones count): 404 (webadmin.md §8). */
export class ResourceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Resource does not exist', id);
  }
}

/** The resource `id` of the domain; deleted ones only when `includeDeleted`. */
export async function resourceOfDomain(
  resources: ResourceRepository,
  domain: Domain,
  id: string,
  includeDeleted: boolean,
): Promise<Resource> {
  const resource = await resources.findById(id);
  if (!resource || resource.domainId !== domain.id || (resource.deleted && !includeDeleted))
    throw new ResourceNotFoundError(id);
  return resource;
}
