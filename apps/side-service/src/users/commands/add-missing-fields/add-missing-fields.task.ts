import type { BackfillProgress, UserRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../../../tasks/task';

/** Task `add-missing-fields`: backfills `email` and `firstnames` on legacy user documents. */
export class AddMissingFieldsTask implements Task {
  readonly type = 'add-missing-fields';
  private readonly progress: BackfillProgress = { processed: 0, upgraded: 0, failed: 0 };

  constructor(private readonly users: UserRepository) {}

  async run(signal: AbortSignal): Promise<TaskResult> {
    await this.users.backfillMissingFields(this.progress, signal);
    return this.progress.failed === 0 ? 'completed' : 'partial';
  }

  information(): TaskInformation {
    return {
      processedUsers: this.progress.processed,
      upgradedUsers: this.progress.upgraded,
      errorCount: this.progress.failed,
    };
  }
}
