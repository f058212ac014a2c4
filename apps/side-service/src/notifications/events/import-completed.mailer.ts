import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { ImportCompletedEvent } from '../../import/events/import-completed.event';
import { SendImportReportCommand } from '../commands/send-import-report/send-import-report.command';

/**
 * Mails the report of a completed import (even with failed items); a failed import gets none (mail.md §3.9). A
 * mail failure is logged and leaves the import as it is (mail.md §8.3).
 */
@EventsHandler(ImportCompletedEvent)
export class ImportCompletedMailer implements IEventHandler<ImportCompletedEvent> {
  private readonly logger = new Logger(ImportCompletedMailer.name);

  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: ImportCompletedEvent): Promise<void> {
    if (event.status !== 'completed') return;
    try {
      await this.commandBus.execute(
        new SendImportReportCommand(
          event.importId,
          event.username,
          event.kind,
          event.succeedCount,
          event.failedCount,
          event.failedItems,
        ),
      );
    } catch (error) {
      this.logger.error(
        `import report of ${event.importId} for ${event.username} not sent: ${(error as Error).message}`,
      );
    }
  }
}
