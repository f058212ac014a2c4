import { Logger } from '@nestjs/common';
import { CommandHandler, EventsHandler, ICommandHandler, IEventHandler } from '@nestjs/cqrs';
import { reasonOf } from '@app/core';
import { ResourceChangedEvent } from '../../../resources/events/resource-changed.event';
import { EventIndexer } from '../../indexing/event-indexer';
import { PurgeCalendarHomeCommand } from './purge-calendar-home.command';

@CommandHandler(PurgeCalendarHomeCommand)
export class PurgeCalendarHomeHandler implements ICommandHandler<PurgeCalendarHomeCommand> {
  constructor(private readonly indexer: EventIndexer) {}

  execute({ homeId }: PurgeCalendarHomeCommand): Promise<void> {
    return this.indexer.deleteHome(homeId);
  }
}

/** A deleted resource's events leave the index (logged on failure: the reindex task purges them too). */
@EventsHandler(ResourceChangedEvent)
export class PurgeDeletedResourceHandler implements IEventHandler<ResourceChangedEvent> {
  private readonly logger = new Logger(PurgeDeletedResourceHandler.name);

  constructor(private readonly indexer: EventIndexer) {}

  async handle(event: ResourceChangedEvent): Promise<void> {
    if (event.change !== 'deleted') return;
    try {
      await this.indexer.deleteHome(event.resourceId);
    } catch (error) {
      this.logger.warn(`indexed events of resource ${event.resourceId} not removed: ${reasonOf(error)}`);
    }
  }
}
