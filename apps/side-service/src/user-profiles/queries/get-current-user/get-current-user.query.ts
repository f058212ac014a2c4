import { Query } from '@nestjs/cqrs';
import type { User } from '@app/persistence';
import type { ModuleSettings } from '../../../user-settings/settings-body';

export interface CurrentUser {
  user: User;
  modules: ModuleSettings[];
}

/**
 * The caller's registered user (provisioned from the directory when missing) with every setting this service
 * resolves itself; `undefined` for callers known nowhere (the admin account).
 */
export class GetCurrentUserQuery extends Query<CurrentUser | undefined> {
  constructor(public readonly username: string) {
    super();
  }
}
