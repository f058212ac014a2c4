import { Query } from '@nestjs/cqrs';
import type { Domain } from '@app/persistence';
import type { Viewer } from '../../../openpaas/viewer';

/** A domain by id; `undefined` when unknown or not the viewer's own (rest-api.md §4). */
export class GetDomainByIdQuery extends Query<Domain | undefined> {
  constructor(
    public readonly viewer: Viewer,
    public readonly id: string,
  ) {
    super();
  }
}
