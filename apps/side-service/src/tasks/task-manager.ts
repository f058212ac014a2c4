import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Task, TaskDetails, TaskInformation, TaskStatus } from './task';

interface Entry {
  id: string;
  task: Task;
  status: TaskStatus;
  submitDate: Date;
  startedDate?: Date;
  endDate?: Date;
  executedOn: string | null;
  cancelledFrom: string | null;
  controller: AbortController;
  /** Frozen once the task has finished. */
  finalInformation?: (TaskInformation & { type: string; timestamp: string }) | null;
  done: Promise<void>;
  settle: () => void;
}

const FINISHED: readonly TaskStatus[] = ['completed', 'canceled', 'failed'];
const MAX_TIMER_MS = 2_147_483_647;

/**
 * In-memory, node-local task manager: one worker runs tasks one at a time in submission order (webadmin spec §2).
 * Tasks are lost on restart and only known by the node that created them.
 */
@Injectable()
export class TaskManager implements OnModuleDestroy {
  private readonly logger = new Logger(TaskManager.name);
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running = false;
  private readonly node = hostname();

  submit(task: Task): string {
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const entry: Entry = {
      id: randomUUID(),
      task,
      status: 'waiting',
      submitDate: new Date(),
      executedOn: null,
      cancelledFrom: null,
      controller: new AbortController(),
      done,
      settle,
    };
    this.entries.set(entry.id, entry);
    this.queue.push(entry);
    void this.drain();
    return entry.id;
  }

  get(id: string): TaskDetails | undefined {
    const entry = this.entries.get(id);
    return entry ? this.details(entry) : undefined;
  }

  /** Newest submission first. */
  list(): TaskDetails[] {
    return [...this.entries.values()].reverse().map((entry) => this.details(entry));
  }

  /** Resolves with the details once finished, or `undefined` when `timeoutMs` passes first. */
  async await(id: string, timeoutMs: number): Promise<TaskDetails | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const deadline = Date.now() + timeoutMs;
    // Timers hold at most 2^31-1 ms (about 24.8 days): wait in slices up to the deadline.
    for (let left = timeoutMs; left > 0; left = deadline - Date.now()) {
      let timer: NodeJS.Timeout | undefined;
      const slice = new Promise<'slice'>(
        (resolve) => (timer = setTimeout(() => resolve('slice'), Math.min(left, MAX_TIMER_MS))),
      );
      const outcome = await Promise.race([entry.done.then(() => 'done' as const), slice]);
      clearTimeout(timer);
      if (outcome === 'done') return this.details(entry);
    }
    return undefined;
  }

  /** Cooperative cancellation; unknown or finished tasks are left alone. */
  cancel(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || FINISHED.includes(entry.status)) return;
    entry.cancelledFrom = this.node;
    if (entry.status === 'waiting') {
      this.queue.splice(this.queue.indexOf(entry), 1);
      this.finish(entry, 'canceled');
      return;
    }
    entry.status = 'canceledRequested';
    entry.controller.abort();
  }

  onModuleDestroy(): void {
    for (const entry of this.entries.values()) entry.controller.abort();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) await this.execute(entry);
    } finally {
      this.running = false;
    }
  }

  private async execute(entry: Entry): Promise<void> {
    entry.status = 'inProgress';
    entry.startedDate = new Date();
    entry.executedOn = this.node;
    try {
      const result = await entry.task.run(entry.controller.signal);
      if (entry.controller.signal.aborted) this.finish(entry, 'canceled');
      else this.finish(entry, result === 'completed' ? 'completed' : 'failed');
    } catch (error) {
      if (entry.controller.signal.aborted) this.finish(entry, 'canceled');
      else {
        this.logger.error({ err: error, taskId: entry.id, type: entry.task.type }, 'task failed');
        this.finish(entry, 'failed');
      }
    }
  }

  private finish(entry: Entry, status: TaskStatus): void {
    entry.finalInformation = this.information(entry);
    entry.status = status;
    entry.endDate = new Date();
    entry.settle();
  }

  private information(entry: Entry): (TaskInformation & { type: string; timestamp: string }) | null {
    const information = entry.task.information();
    return information === null
      ? null
      : { type: entry.task.type, timestamp: new Date().toISOString(), ...information };
  }

  private details(entry: Entry): TaskDetails {
    const details: TaskDetails = {
      taskId: entry.id,
      type: entry.task.type,
      status: entry.status,
      submittedFrom: this.node,
      executedOn: entry.executedOn,
      cancelledFrom: entry.cancelledFrom,
      submitDate: entry.submitDate,
      additionalInformation:
        entry.finalInformation !== undefined ? entry.finalInformation : this.information(entry),
    };
    if (entry.startedDate) details.startedDate = entry.startedDate;
    if (entry.status === 'completed') details.completedDate = entry.endDate;
    if (entry.status === 'canceled') details.canceledDate = entry.endDate;
    if (entry.status === 'failed') details.failedDate = entry.endDate;
    return details;
  }
}
