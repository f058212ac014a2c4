import { NewResource, Resource, ResourceChanges } from './resource';

/** Port over `resources` (storage.md §10). */
export abstract class ResourceRepository {
  /** Deleted resources included; a malformed id finds nothing. */
  abstract findById(id: string): Promise<Resource | undefined>;
  /** Non-deleted resources of the domain whose name contains the query (case-insensitive), at most `limit`. */
  abstract search(domainId: string, query: string, limit: number): Promise<Resource[]>;
  /** Every resource of the domain, deleted ones included, oldest first. */
  abstract listByDomain(domainId: string): Promise<Resource[]>;
  /** Inserts a new, non-deleted resource stamped `now` (creation and update). */
  abstract insert(resource: NewResource, now?: Date): Promise<Resource>;
  /**
   * Loads the non-deleted document, applies the changes, stamps `updatedAt` and replaces the whole document
   * (legacy fields such as `administrators` are dropped). `undefined` when unknown or deleted.
   */
  abstract update(id: string, changes: ResourceChanges, now?: Date): Promise<Resource | undefined>;
  /** `deleted: true` on a non-deleted resource; returns whether one matched. */
  abstract softDelete(id: string): Promise<boolean>;
  /** Removes a document outright: only to undo an insertion whose DAV side could not be set up. */
  abstract remove(id: string): Promise<void>;
}
