import { Resource } from './resource';

/** Port over `resources` (read side). */
export abstract class ResourceRepository {
  /** Deleted resources included; a malformed id finds nothing. */
  abstract findById(id: string): Promise<Resource | undefined>;
  /** Non-deleted resources of the domain whose name contains the query (case-insensitive), at most `limit`. */
  abstract search(domainId: string, query: string, limit: number): Promise<Resource[]>;
}
