import { Module } from '@nestjs/common';
import { MergeConfigurationsController } from './commands/merge-configurations/merge-configurations.http.controller';
import { MergeConfigurationsHandler } from './commands/merge-configurations/merge-configurations.handler';
import { ReplaceConfigurationsController } from './commands/replace-configurations/replace-configurations.http.controller';
import { ReplaceConfigurationsHandler } from './commands/replace-configurations/replace-configurations.handler';
import { LegacySettingsClient } from './legacy-settings.client';
import { GetTimeZoneHandler } from './queries/get-time-zone/get-time-zone.handler';
import { ReadConfigurationsController } from './queries/read-configurations/read-configurations.http.controller';
import { ReadConfigurationsHandler } from './queries/read-configurations/read-configurations.handler';
import { SettingsOwner } from './settings-owner';
import { UserSettingsReader } from './user-settings.reader';

const httpControllers = [
  ReadConfigurationsController,
  ReplaceConfigurationsController,
  MergeConfigurationsController,
];
const commandHandlers = [ReplaceConfigurationsHandler, MergeConfigurationsHandler];
const queryHandlers = [ReadConfigurationsHandler, GetTimeZoneHandler];

/** Per-user settings of the SPAs, `/api/configurations` (rest-api.md §5.3), in the OpenPaaS `configurations` layout. */
@Module({
  controllers: httpControllers,
  providers: [...commandHandlers, ...queryHandlers, UserSettingsReader, SettingsOwner, LegacySettingsClient],
})
export class UserSettingsModule {}
