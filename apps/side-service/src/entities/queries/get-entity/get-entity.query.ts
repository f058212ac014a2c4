import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../../openpaas/viewer';

/**
 * An id resolved as user, team calendar, resource or domain, in that order (rest-api.md §6.2): the first hit,
 * already shaped and wrapped under its kind; `undefined` when none is found or the hit is of another domain.
 */
export class GetEntityQuery extends Query<Record<string, unknown> | undefined> {
  constructor(
    public readonly viewer: Viewer,
    public readonly id: string,
  ) {
    super();
  }
}
