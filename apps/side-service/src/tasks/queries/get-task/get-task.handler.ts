import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { TaskDetails } from '../../task';
import { TaskManager } from '../../task-manager';
import { GetTaskQuery } from './get-task.query';

@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(private readonly tasks: TaskManager) {}

  async execute(query: GetTaskQuery): Promise<TaskDetails | undefined> {
    return this.tasks.get(query.taskId);
  }
}
