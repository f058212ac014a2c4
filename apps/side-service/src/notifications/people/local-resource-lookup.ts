/** Port: whether a non-deleted resource with that id belongs to that domain (events.md §0 "local resource"). */
export abstract class LocalResourceLookup {
  abstract isActiveResourceOf(resourceId: string, domainId: string): Promise<boolean>;
}
