import { Module } from '@nestjs/common';
import { GetDomainSettingsController } from './queries/get-domain-settings/get-domain-settings.http.controller';
import { GetDomainSettingsHandler } from './queries/get-domain-settings/get-domain-settings.handler';

/** Per-domain settings: `GET /api/domain/settings` (rest-api.md §6.1); also read by people search. */
@Module({ controllers: [GetDomainSettingsController], providers: [GetDomainSettingsHandler] })
export class DomainSettingsModule {}
