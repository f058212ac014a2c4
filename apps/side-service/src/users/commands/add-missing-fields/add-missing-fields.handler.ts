import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { AddMissingFieldsCommand } from './add-missing-fields.command';
import { AddMissingFieldsTask } from './add-missing-fields.task';

@CommandHandler(AddMissingFieldsCommand)
export class AddMissingFieldsHandler implements ICommandHandler<AddMissingFieldsCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly tasks: TaskManager,
  ) {}

  async execute(): Promise<string> {
    return this.tasks.submit(new AddMissingFieldsTask(this.users));
  }
}
