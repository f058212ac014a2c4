import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConfigurationRepository } from '@app/persistence';
import { mergeEntries } from '../../settings-body';
import { SettingsOwner } from '../../settings-owner';
import { ReplaceConfigurationsCommand } from './replace-configurations.command';

@CommandHandler(ReplaceConfigurationsCommand)
export class ReplaceConfigurationsHandler implements ICommandHandler<ReplaceConfigurationsCommand> {
  constructor(
    private readonly owners: SettingsOwner,
    private readonly configurations: ConfigurationRepository,
  ) {}

  async execute(command: ReplaceConfigurationsCommand): Promise<void> {
    const owner = await this.owners.of(command.username);
    await this.configurations.replaceEntries(owner.domainId, owner.userId, mergeEntries([], command.entries));
  }
}
