import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PurgeCalendarHomeCommand } from '../../event-search/commands/purge-calendar-home/purge-calendar-home.command';
import type { DeletionTarget, UserDeletionStep } from '../deletion-step';

/** `CalendarSearchDeletionTaskStep`: every event-search document of the user's calendar home. */
@Injectable()
export class CalendarSearchDeletionStep implements UserDeletionStep {
  readonly name = 'CalendarSearchDeletionTaskStep';
  readonly priority = 10;

  constructor(private readonly commandBus: CommandBus) {}

  async run({ user }: DeletionTarget): Promise<void> {
    if (user) await this.commandBus.execute(new PurgeCalendarHomeCommand(user.id));
  }
}
