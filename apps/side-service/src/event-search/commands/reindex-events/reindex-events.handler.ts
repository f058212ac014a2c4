import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavCalendarsClient } from '@app/dav-client';
import { DomainRepository, ResourceRepository, UserRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { EventIndexer } from '../../indexing/event-indexer';
import { ReindexEventsCommand } from './reindex-events.command';
import { ReindexEventsTask } from './reindex-events.task';

@CommandHandler(ReindexEventsCommand)
export class ReindexEventsHandler implements ICommandHandler<ReindexEventsCommand> {
  constructor(
    private readonly tasks: TaskManager,
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
    private readonly resources: ResourceRepository,
    private readonly calendars: DavCalendarsClient,
    private readonly indexer: EventIndexer,
  ) {}

  execute(command: ReindexEventsCommand): Promise<string> {
    return Promise.resolve(
      this.tasks.submit(
        new ReindexEventsTask(
          { eventsPerSecond: command.eventsPerSecond, calendarsConcurrency: command.calendarsConcurrency },
          { users: this.users, domains: this.domains, resources: this.resources },
          this.calendars,
          this.indexer,
        ),
      ),
    );
  }
}
