export type TaskStatus = 'waiting' | 'inProgress' | 'canceledRequested' | 'completed' | 'canceled' | 'failed';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'waiting',
  'inProgress',
  'canceledRequested',
  'completed',
  'canceled',
  'failed',
];

/** What a task reports about itself: its counters and options (besides `type` and `timestamp`). */
export type TaskInformation = Record<string, unknown>;

/** Outcome of a run: `partial` when some items failed (the task then ends `failed`, its information kept). */
export type TaskResult = 'completed' | 'partial';

/**
 * A long-running operation. `run` checks `signal` between items to honour cancellation; `information()` is read
 * live while it runs and once more when it ends.
 */
export interface Task {
  readonly type: string;
  run(signal: AbortSignal): Promise<TaskResult>;
  information(): TaskInformation | null;
}

export interface TaskDetails {
  taskId: string;
  type: string;
  status: TaskStatus;
  submittedFrom: string;
  executedOn: string | null;
  cancelledFrom: string | null;
  submitDate: Date;
  startedDate?: Date;
  completedDate?: Date;
  canceledDate?: Date;
  failedDate?: Date;
  additionalInformation: (TaskInformation & { type: string; timestamp: string }) | null;
}
