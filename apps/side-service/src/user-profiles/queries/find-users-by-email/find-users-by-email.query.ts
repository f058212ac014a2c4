import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../../openpaas/viewer';
import type { VisibleUser } from '../../visible-user';

/**
 * `GET /api/users?email=`: the user with that address, provisioned from the directory if needed; nothing for
 * another domain than the viewer's, an unknown domain or an unknown user.
 */
export class FindUsersByEmailQuery extends Query<VisibleUser[]> {
  constructor(
    public readonly viewer: Viewer,
    public readonly email: string,
  ) {
    super();
  }
}
