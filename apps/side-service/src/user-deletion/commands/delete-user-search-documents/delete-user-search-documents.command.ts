import { Command } from '@nestjs/cqrs';

/**
 * Removes every search-index document of a user (step `CalendarSearchDeletionTaskStep`). Handled by the event-search
 * feature when there is one; without a handler there is no index to clean.
 */
export class DeleteUserSearchDocumentsCommand extends Command<void> {
  constructor(
    public readonly userId: string,
    public readonly username: string,
  ) {
    super();
  }
}
