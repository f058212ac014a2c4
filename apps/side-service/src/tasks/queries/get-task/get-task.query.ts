import { Query } from '@nestjs/cqrs';
import type { TaskDetails } from '../../task';

export class GetTaskQuery extends Query<TaskDetails | undefined> {
  constructor(public readonly taskId: string) {
    super();
  }
}
