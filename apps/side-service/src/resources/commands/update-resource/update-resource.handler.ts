import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { ResourceRepository, UserRepository } from '@app/persistence';
import { ResourceNotFoundError, resourceOfDomain } from '../../domain-resource';
import { ResourceChangedEvent } from '../../events/resource-changed.event';
import { ResourceAdministrators } from '../../resource-administrators';
import { ResourceCalendarSharing, isAdministration, shareUpdate } from '../../resource-calendar-sharing';
import { distinctGrants, registeredUsers } from '../../resource-input';
import { UpdateResourceCommand } from './update-resource.command';

/**
 * Checks everything first (the resource, every new administrator), then changes the sharees on DAV (only what
 * differs), then the document: a DAV failure leaves the resource as it was.
 */
@CommandHandler(UpdateResourceCommand)
export class UpdateResourceHandler implements ICommandHandler<UpdateResourceCommand> {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly users: UserRepository,
    private readonly administrators: ResourceAdministrators,
    private readonly sharing: ResourceCalendarSharing,
    private readonly events: EventBus,
  ) {}

  async execute({ domain, id, changes, administrators }: UpdateResourceCommand): Promise<void> {
    const resource = await resourceOfDomain(this.resources, domain, id, false);
    if (administrators) {
      const grants = distinctGrants(administrators);
      await registeredUsers(
        this.users,
        grants.map((grant) => grant.email),
      );
      const current = (await this.administrators.of(resource)).filter(isAdministration);
      await this.sharing.apply(resource, shareUpdate(current, grants));
    }
    if (changes.name !== undefined || changes.description !== undefined || changes.icon !== undefined) {
      if (!(await this.resources.update(resource.id, changes))) throw new ResourceNotFoundError(id);
    }
    this.events.publish(new ResourceChangedEvent(resource.id, 'updated'));
  }
}
