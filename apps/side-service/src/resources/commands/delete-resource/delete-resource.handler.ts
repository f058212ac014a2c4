import { Logger } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { ResourceRepository } from '@app/persistence';
import { ResourceNotFoundError, resourceOfDomain } from '../../domain-resource';
import { ResourceChangedEvent } from '../../events/resource-changed.event';
import { ResourceAdministrators } from '../../resource-administrators';
import { ResourceCalendarSharing, isAdministration } from '../../resource-calendar-sharing';
import { DeleteResourceCommand } from './delete-resource.command';

/** dav.md §5.5: the administrators are revoked first; a failure there aborts the deletion. */
@CommandHandler(DeleteResourceCommand)
export class DeleteResourceHandler implements ICommandHandler<DeleteResourceCommand> {
  private readonly logger = new Logger(DeleteResourceHandler.name);

  constructor(
    private readonly resources: ResourceRepository,
    private readonly administrators: ResourceAdministrators,
    private readonly sharing: ResourceCalendarSharing,
    private readonly events: EventBus,
  ) {}

  async execute({ domain, id }: DeleteResourceCommand): Promise<void> {
    const resource = await resourceOfDomain(this.resources, domain, id, false);
    const current = (await this.administrators.of(resource)).filter(isAdministration);
    await this.sharing.apply(resource, { set: [], remove: current.map((admin) => admin.email) });
    if (!(await this.resources.softDelete(resource.id))) throw new ResourceNotFoundError(id);
    this.logger.log(`resource ${resource.id} of ${domain.name} deleted`);
    this.events.publish(new ResourceChangedEvent(resource.id, 'deleted'));
  }
}
