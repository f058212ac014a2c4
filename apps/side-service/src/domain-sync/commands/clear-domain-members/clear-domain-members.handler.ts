import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { DomainMembersBook } from '../../domain-members-book';
import { MembersScopeResolver } from '../../members-scope';
import { ClearDomainMembersCommand } from './clear-domain-members.command';
import { ClearDomainMembersTask } from './clear-domain-members.task';

@CommandHandler(ClearDomainMembersCommand)
export class ClearDomainMembersHandler implements ICommandHandler<ClearDomainMembersCommand> {
  constructor(
    private readonly domains: DomainRepository,
    private readonly scopes: MembersScopeResolver,
    private readonly book: DomainMembersBook,
    private readonly tasks: TaskManager,
  ) {}

  async execute(command: ClearDomainMembersCommand): Promise<string> {
    const scope = await this.scopes.resolve(command.domain, command.ignoredDomains);
    return this.tasks.submit(new ClearDomainMembersTask(scope, this.domains, this.book));
  }
}
