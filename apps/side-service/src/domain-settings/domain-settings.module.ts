import { Module } from '@nestjs/common';
import { PatchDomainSettingsHandler } from './commands/patch-domain-settings/patch-domain-settings.handler';
import { ReplaceDomainSettingsHandler } from './commands/replace-domain-settings/replace-domain-settings.handler';
import { GetDomainSettingsController } from './queries/get-domain-settings/get-domain-settings.http.controller';
import { GetDomainSettingsHandler } from './queries/get-domain-settings/get-domain-settings.handler';
import { GetStoredDomainSettingsHandler } from './queries/get-stored-domain-settings/get-stored-domain-settings.handler';

const commandHandlers = [ReplaceDomainSettingsHandler, PatchDomainSettingsHandler];
const queryHandlers = [GetDomainSettingsHandler, GetStoredDomainSettingsHandler];

/**
 * Per-domain settings: `GET /api/domain/settings` (rest-api.md §6.1), also read by people search; written by the
 * webadmin `/domains/{domain}/settings` (webadmin.md §6.3).
 */
@Module({ controllers: [GetDomainSettingsController], providers: [...commandHandlers, ...queryHandlers] })
export class DomainSettingsModule {}
