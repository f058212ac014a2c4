import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { BusKeys, EventBus } from '@app/event-bus';
import { ImportCompletedEvent } from '../../import/events/import-completed.event';
import { PushEvents } from '../protocol/push-events';
import { publishQuietly } from './push-bus.publisher';

/**
 * Import results (rest-api.md §5.10 step 1): every session subscribed to the target collection gets
 * `{"<target>": {"imports": {"<id>": {status, succeedCount, failedCount}}}}` (no counts on a failed import).
 */
@EventsHandler(ImportCompletedEvent)
export class ImportCompletedPusher implements IEventHandler<ImportCompletedEvent> {
  private readonly logger = new Logger(ImportCompletedPusher.name);

  constructor(private readonly bus: EventBus) {}

  async handle(event: ImportCompletedEvent): Promise<void> {
    const [, root, home, id] = event.target.split('/');
    if (!home || !id)
      return void this.logger.warn(`import ${event.importId}: target ${event.target} ignored`);
    const key = root === 'addressbooks' ? BusKeys.addressBook(home, id) : BusKeys.calendar(home, id);
    const failed = event.status === 'failed';
    await publishQuietly(
      this.bus,
      this.logger,
      PushEvents.importProgress({
        importId: event.importId,
        importURI: event.target,
        importType: event.kind,
        status: event.status,
        ...(failed ? {} : { succeedCount: event.succeedCount, failedCount: event.failedCount }),
      }),
      key,
    );
  }
}
