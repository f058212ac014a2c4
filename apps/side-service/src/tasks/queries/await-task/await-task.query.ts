import { Query } from '@nestjs/cqrs';
import type { TaskDetails } from '../../task';

export type AwaitedTask =
  { outcome: 'finished'; details: TaskDetails } | { outcome: 'timeout' } | { outcome: 'unknown' };

export class AwaitTaskQuery extends Query<AwaitedTask> {
  constructor(
    public readonly taskId: string,
    public readonly timeoutMs: number,
  ) {
    super();
  }
}
