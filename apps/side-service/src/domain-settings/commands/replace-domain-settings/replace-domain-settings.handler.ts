import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainSettingsRepository } from '@app/persistence';
import { ReplaceDomainSettingsCommand } from './replace-domain-settings.command';

@CommandHandler(ReplaceDomainSettingsCommand)
export class ReplaceDomainSettingsHandler implements ICommandHandler<ReplaceDomainSettingsCommand> {
  constructor(private readonly settings: DomainSettingsRepository) {}

  execute(command: ReplaceDomainSettingsCommand): Promise<void> {
    return this.settings.save(command.domainName, command.settings);
  }
}
