import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { ResourceChangedEvent } from '../../resources/events/resource-changed.event';
import { MailPeople } from './mail-people';

/** A resource created, changed or deleted on this node is looked up again at once (the cache is per node). */
@EventsHandler(ResourceChangedEvent)
export class MailResourceChangesListener implements IEventHandler<ResourceChangedEvent> {
  constructor(private readonly people: MailPeople) {}

  handle(event: ResourceChangedEvent): void {
    this.people.forgetResource(event.resourceId);
  }
}
