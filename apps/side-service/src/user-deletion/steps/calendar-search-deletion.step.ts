import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, CommandHandlerNotFoundException } from '@nestjs/cqrs';
import { DeleteUserSearchDocumentsCommand } from '../commands/delete-user-search-documents/delete-user-search-documents.command';
import type { DeletionTarget, UserDeletionStep } from '../deletion-step';

/** `CalendarSearchDeletionTaskStep`: the user's documents in the event search index, through the search feature. */
@Injectable()
export class CalendarSearchDeletionStep implements UserDeletionStep {
  readonly name = 'CalendarSearchDeletionTaskStep';
  readonly priority = 10;
  private readonly logger = new Logger(CalendarSearchDeletionStep.name);

  constructor(private readonly commandBus: CommandBus) {}

  async run({ user }: DeletionTarget): Promise<void> {
    if (!user) return;
    try {
      await this.commandBus.execute(new DeleteUserSearchDocumentsCommand(user.id, user.email));
    } catch (error) {
      if (!(error instanceof CommandHandlerNotFoundException)) throw error;
      this.logger.debug('no event search index in this service: nothing to delete');
    }
  }
}
