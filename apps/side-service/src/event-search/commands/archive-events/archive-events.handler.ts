import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/core';
import { DavCalendarsClient, DavClient } from '@app/dav-client';
import { UserRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { resolveArchiveCriteria } from './archive-criteria';
import { ArchiveEventsCommand } from './archive-events.command';
import { ArchiveEventsTask } from './archive-events.task';

@CommandHandler(ArchiveEventsCommand)
export class ArchiveEventsHandler implements ICommandHandler<ArchiveEventsCommand> {
  constructor(
    private readonly tasks: TaskManager,
    private readonly users: UserRepository,
    private readonly calendars: DavCalendarsClient,
    private readonly dav: DavClient,
  ) {}

  async execute(command: ArchiveEventsCommand): Promise<string> {
    let target;
    if (command.username !== undefined) {
      target = await this.users.findByEmail(command.username.trim().toLowerCase());
      if (!target) throw new NotFoundError('User does not exist', command.username);
    }
    const criteria = resolveArchiveCriteria(command.criteria, Date.now());
    return this.tasks.submit(
      new ArchiveEventsTask(criteria, command.eventsPerSecond, target, this.users, this.calendars, this.dav),
    );
  }
}
