import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { eventDocumentsOf, eventLocationOf } from '../../indexing/event-documents';
import { EventIndexer } from '../../indexing/event-indexer';
import { IndexCalendarEventCommand } from './index-calendar-event.command';

@CommandHandler(IndexCalendarEventCommand)
export class IndexCalendarEventHandler implements ICommandHandler<IndexCalendarEventCommand> {
  constructor(private readonly indexer: EventIndexer) {}

  async execute({ message }: IndexCalendarEventCommand): Promise<void> {
    let documents;
    try {
      documents = eventDocumentsOf(message.event, eventLocationOf(message.eventPath));
    } catch (error) {
      this.indexer.metrics.failed.inc();
      throw error;
    }
    await this.indexer.indexGuarded(documents);
  }
}
