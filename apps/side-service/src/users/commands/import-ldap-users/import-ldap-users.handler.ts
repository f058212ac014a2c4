import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/core';
import { Directory } from '@app/directory';
import { DomainRepository, UserRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { ImportLdapUsersCommand } from './import-ldap-users.command';
import { ImportLdapUsersTask } from './import-ldap-users.task';

@CommandHandler(ImportLdapUsersCommand)
export class ImportLdapUsersHandler implements ICommandHandler<ImportLdapUsersCommand> {
  constructor(
    @Inject(Directory) private readonly directory: Directory | null,
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
    private readonly tasks: TaskManager,
  ) {}

  async execute(command: ImportLdapUsersCommand): Promise<string> {
    if (!this.directory) throw new NotFoundError('LDAP is not configured');
    return this.tasks.submit(
      new ImportLdapUsersTask(command.usersPerSecond, this.directory, this.users, this.domains),
    );
  }
}
