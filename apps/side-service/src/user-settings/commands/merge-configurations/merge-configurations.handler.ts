import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { InvalidArgumentError } from '@app/core';
import { ConfigurationRepository } from '@app/persistence';
import { mergeEntries } from '../../settings-body';
import { CORE } from '../../settings-catalogue';
import { SettingsOwner } from '../../settings-owner';
import { UserSettingsReader } from '../../user-settings.reader';
import { MergeConfigurationsCommand } from './merge-configurations.command';

/** Settings owned by Twake Workplace when its settings sync is on (rest-api.md §5.3). */
const TWP_READ_ONLY = [{ module: CORE, key: 'language' }];

@CommandHandler(MergeConfigurationsCommand)
export class MergeConfigurationsHandler implements ICommandHandler<MergeConfigurationsCommand> {
  private readonly twpSettings: boolean;

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly owners: SettingsOwner,
    private readonly reader: UserSettingsReader,
    private readonly configurations: ConfigurationRepository,
  ) {
    this.twpSettings = config.get('spaSettings', { infer: true }).twpSettingsEnabled;
  }

  async execute(command: MergeConfigurationsCommand): Promise<void> {
    if (this.twpSettings) {
      const refused = TWP_READ_ONLY.filter((setting) =>
        command.entries.some((entry) => entry.module === setting.module && entry.key === setting.key),
      ).map((setting) => setting.key);
      if (refused.length > 0)
        throw new InvalidArgumentError(
          'Cannot modify read-only settings',
          `Cannot modify read-only settings: ${refused.join(', ')}`,
        );
    }
    const owner = await this.owners.of(command.username);
    const stored = await this.reader.stored(owner.user);
    await this.configurations.replaceEntries(
      owner.domainId,
      owner.userId,
      mergeEntries(stored, command.entries),
    );
  }
}
