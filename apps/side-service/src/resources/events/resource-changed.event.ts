/** A resource was created, updated or deleted: look-ups kept in memory about it are stale. */
export class ResourceChangedEvent {
  constructor(
    public readonly resourceId: string,
    public readonly change: 'created' | 'updated' | 'deleted',
  ) {}
}
