import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainSettingsRepository } from '@app/persistence';
import { PatchDomainSettingsCommand } from './patch-domain-settings.command';

@CommandHandler(PatchDomainSettingsCommand)
export class PatchDomainSettingsHandler implements ICommandHandler<PatchDomainSettingsCommand> {
  constructor(private readonly settings: DomainSettingsRepository) {}

  execute(command: PatchDomainSettingsCommand): Promise<void> {
    return this.settings.patch(command.domainName, command.set, command.unset);
  }
}
