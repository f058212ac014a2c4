import type { Resource } from '@app/persistence';
import type { ResourceAdministrator } from '../openpaas/resource.json';

/**
 * Port: who shares a resource's calendar, with which right. Administrators are not stored with the resource; the
 * DAV server holds them as sharees of the resource's default calendar (storage.md §10, dav.md §5.5).
 */
export abstract class ResourceAdministrators {
  abstract of(resource: Resource): Promise<ResourceAdministrator[]>;
}
