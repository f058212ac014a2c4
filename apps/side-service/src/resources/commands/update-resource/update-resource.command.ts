import { Command } from '@nestjs/cqrs';
import type { Domain, ResourceChanges } from '@app/persistence';
import type { AdministratorGrant } from '../../resource-calendar-sharing';

/**
 * Changes name, description or icon of an active resource of the domain; when `administrators` is given it becomes
 * the full list of administrators (webadmin.md §8).
 */
export class UpdateResourceCommand extends Command<void> {
  constructor(
    public readonly domain: Domain,
    public readonly id: string,
    public readonly changes: ResourceChanges,
    public readonly administrators?: AdministratorGrant[],
  ) {
    super();
  }
}
