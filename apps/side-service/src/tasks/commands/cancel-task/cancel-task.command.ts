import { Command } from '@nestjs/cqrs';

/** Requests cancellation; unknown ids are ignored. */
export class CancelTaskCommand extends Command<void> {
  constructor(public readonly taskId: string) {
    super();
  }
}
