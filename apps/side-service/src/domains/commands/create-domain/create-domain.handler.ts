import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Domain, DomainRepository } from '@app/persistence';
import { assertDomainName } from '../../domain-name';
import { CreateDomainCommand } from './create-domain.command';

@CommandHandler(CreateDomainCommand)
export class CreateDomainHandler implements ICommandHandler<CreateDomainCommand> {
  constructor(private readonly domains: DomainRepository) {}

  execute(command: CreateDomainCommand): Promise<Domain> {
    return this.domains.ensure(assertDomainName(command.name));
  }
}
