import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { ResourceChangedEvent } from '../../resources/events/resource-changed.event';
import { RecipientResolver } from './recipient-resolver';

/** A resource created, changed or deleted on this node is looked up again at once (the cache is per node). */
@EventsHandler(ResourceChangedEvent)
export class ResourceChangesListener implements IEventHandler<ResourceChangedEvent> {
  constructor(private readonly recipients: RecipientResolver) {}

  handle(event: ResourceChangedEvent): void {
    this.recipients.forgetResource(event.resourceId);
  }
}
