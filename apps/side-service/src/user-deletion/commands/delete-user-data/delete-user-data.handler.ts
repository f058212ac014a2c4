import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CredentialDirectory } from '@app/directory';
import { UserRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { USER_DELETION_STEPS, UserDeletionStep } from '../../deletion-step';
import { NotInDirectoryError, UnknownDeletionStepError } from '../../user-deletion.errors';
import { DeleteUserDataCommand } from './delete-user-data.command';
import { DeleteUserDataTask } from './delete-user-data.task';

@CommandHandler(DeleteUserDataCommand)
export class DeleteUserDataHandler implements ICommandHandler<DeleteUserDataCommand> {
  private readonly steps: UserDeletionStep[];

  constructor(
    @Inject(USER_DELETION_STEPS) steps: UserDeletionStep[],
    private readonly directory: CredentialDirectory,
    private readonly users: UserRepository,
    private readonly tasks: TaskManager,
  ) {
    this.steps = [...steps].sort((left, right) => left.priority - right.priority);
  }

  async execute(command: DeleteUserDataCommand): Promise<string> {
    const fromStep =
      command.fromStep === undefined ? undefined : this.steps.find((step) => step.name === command.fromStep);
    if (command.fromStep !== undefined && !fromStep)
      throw new UnknownDeletionStepError(
        command.fromStep,
        this.steps.map((step) => step.name),
      );
    if (!command.force && !(await this.directory.exists(command.username)))
      throw new NotInDirectoryError(command.username);
    return this.tasks.submit(new DeleteUserDataTask(command.username, this.steps, fromStep, this.users));
  }
}
