import { Query } from '@nestjs/cqrs';
import type { TaskDetails, TaskStatus } from '../../task';

export interface TaskFilter {
  status?: TaskStatus;
  type?: string;
  /** Pairs of bounds on the task dates: `{submitDate: {before?, after?}}`. */
  dates?: Partial<
    Record<'submitDate' | 'startedDate' | 'completedDate' | 'failedDate', { before?: Date; after?: Date }>
  >;
  offset?: number;
  limit?: number;
}

/** Tasks of this node, newest submission first. */
export class ListTasksQuery extends Query<TaskDetails[]> {
  constructor(public readonly filter: TaskFilter = {}) {
    super();
  }
}
