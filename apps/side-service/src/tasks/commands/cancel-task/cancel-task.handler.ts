import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TaskManager } from '../../task-manager';
import { CancelTaskCommand } from './cancel-task.command';

@CommandHandler(CancelTaskCommand)
export class CancelTaskHandler implements ICommandHandler<CancelTaskCommand> {
  constructor(private readonly tasks: TaskManager) {}

  async execute(command: CancelTaskCommand): Promise<void> {
    this.tasks.cancel(command.taskId);
  }
}
