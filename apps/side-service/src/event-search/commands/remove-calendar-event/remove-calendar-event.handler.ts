import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { reasonOf } from '@app/core';
import { eventLocationOf, eventUidsOf } from '../../indexing/event-documents';
import { EventIndexer } from '../../indexing/event-indexer';
import { RemoveCalendarEventCommand } from './remove-calendar-event.command';

/** Deletion failures of the index are logged and ignored (events.md §5.5); a bad path is still rejected. */
@CommandHandler(RemoveCalendarEventCommand)
export class RemoveCalendarEventHandler implements ICommandHandler<RemoveCalendarEventCommand> {
  private readonly logger = new Logger(RemoveCalendarEventHandler.name);

  constructor(private readonly indexer: EventIndexer) {}

  async execute({ message }: RemoveCalendarEventCommand): Promise<void> {
    const location = eventLocationOf(message.eventPath);
    const calendarURL = `${location.homeId}/${location.calendarUri}`;
    const uids = eventUidsOf(message.event);
    try {
      await this.indexer.deleteEvents(calendarURL, uids);
    } catch (error) {
      this.indexer.metrics.failed.inc();
      this.logger.warn(
        `removal of ${uids.join(', ')} from the index of ${calendarURL} failed: ${reasonOf(error)}`,
      );
    }
  }
}
