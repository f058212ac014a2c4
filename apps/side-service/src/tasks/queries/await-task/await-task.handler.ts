import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TaskManager } from '../../task-manager';
import { AwaitTaskQuery, AwaitedTask } from './await-task.query';

@QueryHandler(AwaitTaskQuery)
export class AwaitTaskHandler implements IQueryHandler<AwaitTaskQuery> {
  constructor(private readonly tasks: TaskManager) {}

  async execute(query: AwaitTaskQuery): Promise<AwaitedTask> {
    if (!this.tasks.get(query.taskId)) return { outcome: 'unknown' };
    const details = await this.tasks.await(query.taskId, query.timeoutMs);
    return details ? { outcome: 'finished', details } : { outcome: 'timeout' };
  }
}
