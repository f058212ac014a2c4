import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { TaskDetails } from '../../task';
import { TaskManager } from '../../task-manager';
import { ListTasksQuery } from './list-tasks.query';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(private readonly tasks: TaskManager) {}

  async execute({ filter }: ListTasksQuery): Promise<TaskDetails[]> {
    const matching = this.tasks.list().filter((task) => {
      if (filter.status && task.status !== filter.status) return false;
      if (filter.type && task.type !== filter.type) return false;
      for (const [field, bounds] of Object.entries(filter.dates ?? {})) {
        const date = task[field as keyof typeof filter.dates] as Date | undefined;
        if (!bounds) continue;
        if (!date) return false;
        if (bounds.before && !(date < bounds.before)) return false;
        if (bounds.after && !(date > bounds.after)) return false;
      }
      return true;
    });
    const offset = filter.offset ?? 0;
    return matching.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit);
  }
}
