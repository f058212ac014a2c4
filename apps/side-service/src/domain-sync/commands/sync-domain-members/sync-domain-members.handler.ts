import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Directory, canonicalLdapFilter } from '@app/directory';
import { DomainRepository } from '@app/persistence';
import { TaskManager } from '../../../tasks/task-manager';
import { DomainMembersBook } from '../../domain-members-book';
import { InvalidLdapFilterError, LdapNotConfiguredError } from '../../domain-sync.errors';
import { MembersScopeResolver } from '../../members-scope';
import { SyncDomainMembersCommand } from './sync-domain-members.command';
import { SyncDomainMembersTask } from './sync-domain-members.task';

@CommandHandler(SyncDomainMembersCommand)
export class SyncDomainMembersHandler implements ICommandHandler<SyncDomainMembersCommand> {
  constructor(
    @Inject(Directory) private readonly directory: Directory | null,
    private readonly domains: DomainRepository,
    private readonly scopes: MembersScopeResolver,
    private readonly book: DomainMembersBook,
    private readonly tasks: TaskManager,
  ) {}

  async execute(command: SyncDomainMembersCommand): Promise<string> {
    if (!this.directory) throw new LdapNotConfiguredError();
    const given = command.ldapFilter?.trim() ?? '';
    const canonical = given === '' ? undefined : canonicalLdapFilter(given);
    if (given !== '' && !canonical) throw new InvalidLdapFilterError(given);
    const scope = await this.scopes.resolve(command.domain, command.ignoredDomains);
    return this.tasks.submit(
      new SyncDomainMembersTask(
        scope,
        canonical ? { canonical, given } : undefined,
        this.directory,
        this.domains,
        this.book,
      ),
    );
  }
}
