import { Query } from '@nestjs/cqrs';
import type { User } from '@app/persistence';
import type { ModuleKeys, ModuleSettings } from '../../settings-body';

/**
 * Settings of a caller, module by module in the order asked (`POST /api/configurations`, `GET /api/user`). `user`
 * saves a look-up when the caller already holds its registered user.
 */
export class ReadConfigurationsQuery extends Query<ModuleSettings[]> {
  constructor(
    public readonly username: string,
    public readonly requests: ModuleKeys[],
    public readonly user?: User,
  ) {
    super();
  }
}
