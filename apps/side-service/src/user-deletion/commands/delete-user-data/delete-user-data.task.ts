import { Logger } from '@nestjs/common';
import type { UserRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../../../tasks/task';
import type { StepState, UserDeletionStep } from '../../deletion-step';

export const DELETE_USER_DATA_TASK_TYPE = 'DeleteUserDataTask';

/**
 * Task `DeleteUserDataTask` (webadmin.md §5.4): the steps run one after the other by ascending priority; those below
 * `fromStep` are `SKIPPED`. A failing step is `FAILED`, the following ones `ABORTED`, and the task ends `failed`.
 */
export class DeleteUserDataTask implements Task {
  readonly type = DELETE_USER_DATA_TASK_TYPE;
  private readonly logger = new Logger(DeleteUserDataTask.name);
  private readonly states = new Map<string, StepState>();

  constructor(
    private readonly username: string,
    private readonly steps: readonly UserDeletionStep[],
    private readonly fromStep: UserDeletionStep | undefined,
    private readonly users: UserRepository,
  ) {
    for (const step of steps)
      this.states.set(step.name, fromStep && step.priority < fromStep.priority ? 'SKIPPED' : 'WAITING');
  }

  async run(signal: AbortSignal): Promise<TaskResult> {
    const user = await this.users.findByEmail(this.username);
    for (const [index, step] of this.steps.entries()) {
      if (this.states.get(step.name) === 'SKIPPED') continue;
      if (signal.aborted) {
        this.abortFrom(index);
        return 'partial';
      }
      this.states.set(step.name, 'IN_PROGRESS');
      try {
        await step.run({ username: this.username, user }, signal);
        this.states.set(step.name, signal.aborted ? 'ABORTED' : 'DONE');
      } catch (error) {
        this.logger.error({ err: error, user: this.username, step: step.name }, `${step.name} failed`);
        this.states.set(step.name, 'FAILED');
        this.abortFrom(index + 1);
        return 'partial';
      }
    }
    return 'completed';
  }

  information(): TaskInformation {
    return {
      username: this.username,
      status: Object.fromEntries(this.states),
      fromStep: this.fromStep?.name ?? null,
    };
  }

  private abortFrom(index: number): void {
    for (const step of this.steps.slice(index))
      if (this.states.get(step.name) !== 'SKIPPED') this.states.set(step.name, 'ABORTED');
  }
}
