import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../../openpaas/viewer';
import type { VisibleUser } from '../../visible-user';

/** A user by id; `undefined` when unknown, of an unknown domain, or of another domain than the viewer's. */
export class GetUserQuery extends Query<VisibleUser | undefined> {
  constructor(
    public readonly viewer: Viewer,
    public readonly id: string,
  ) {
    super();
  }
}
