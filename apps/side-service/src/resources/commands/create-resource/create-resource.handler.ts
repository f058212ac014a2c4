import { Logger } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { ResourceRepository, UserRepository } from '@app/persistence';
import { ResourceChangedEvent } from '../../events/resource-changed.event';
import { ResourceCalendarSharing } from '../../resource-calendar-sharing';
import { distinctGrants, registeredUsers } from '../../resource-input';
import { CreateResourceCommand } from './create-resource.command';

/**
 * Every address is checked before anything is written; then the document is inserted (esn-sabre reads it to know
 * the resource principal) and the administrators are granted on the resource calendar, which esn-sabre creates
 * when first addressed. When the grant fails the document is removed again: no resource is left without the
 * administrators it was created with.
 */
@CommandHandler(CreateResourceCommand)
export class CreateResourceHandler implements ICommandHandler<CreateResourceCommand> {
  private readonly logger = new Logger(CreateResourceHandler.name);

  constructor(
    private readonly resources: ResourceRepository,
    private readonly users: UserRepository,
    private readonly sharing: ResourceCalendarSharing,
    private readonly events: EventBus,
  ) {}

  async execute({ domain, input }: CreateResourceCommand): Promise<string> {
    const grants = distinctGrants(input.administrators);
    const creator = input.creator.toLowerCase();
    const ids = await registeredUsers(this.users, [creator, ...grants.map((grant) => grant.email)]);
    const resource = await this.resources.insert({
      name: input.name,
      description: input.description,
      icon: input.icon,
      creatorId: ids.get(creator)!,
      domainId: domain.id,
    });
    try {
      await this.sharing.apply(resource, {
        set: grants.map((grant) => ({ email: grant.email, right: grant.davRight })),
        remove: [],
      });
    } catch (error) {
      await this.resources
        .remove(resource.id)
        .catch((removal: unknown) =>
          this.logger.error(
            `resource ${resource.id} could not be granted nor removed, it is left without administrators: ${String(removal)}`,
          ),
        );
      throw error;
    }
    this.logger.log(`resource ${resource.id} "${resource.name}" created in ${domain.name} by ${creator}`);
    this.events.publish(new ResourceChangedEvent(resource.id, 'created'));
    return resource.id;
  }
}
