import type { User } from '@app/persistence';

/** Whose data a deletion run removes: the address given, and the registered user when there is one. */
export interface DeletionTarget {
  username: string;
  user: User | undefined;
}

/** One store of a user's data (webadmin.md §5.4): run in ascending `priority`, named in the task's `status`. */
export interface UserDeletionStep {
  readonly name: string;
  readonly priority: number;
  run(target: DeletionTarget, signal: AbortSignal): Promise<void>;
}

/** Multi-provider token of every step. */
export const USER_DELETION_STEPS = Symbol('USER_DELETION_STEPS');

export const STEP_STATES = ['WAITING', 'IN_PROGRESS', 'DONE', 'FAILED', 'ABORTED', 'SKIPPED'] as const;
export type StepState = (typeof STEP_STATES)[number];
