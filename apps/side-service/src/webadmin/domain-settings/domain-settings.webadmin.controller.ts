import { Body, Controller, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { PatchDomainSettingsCommand } from '../../domain-settings/commands/patch-domain-settings/patch-domain-settings.command';
import { ReplaceDomainSettingsCommand } from '../../domain-settings/commands/replace-domain-settings/replace-domain-settings.command';
import { GetDomainSettingsQuery } from '../../domain-settings/queries/get-domain-settings/get-domain-settings.query';
import { GetStoredDomainSettingsQuery } from '../../domain-settings/queries/get-stored-domain-settings/get-stored-domain-settings.query';
import { existingDomain } from '../domains/domain-param';
import {
  DOMAIN_SETTINGS_FIELDS,
  PatchDomainSettingsRequestDto,
  ReplaceDomainSettingsRequestDto,
  toSettingsChange,
} from './domain-settings-body';

const EXAMPLE = {
  userSearchMode: 'limited',
  resourceSearchEnabled: null,
  defaultCalendarPublicVisibility: null,
  calendarPublicVisibilitySettingEnabled: null,
  resolved: {
    userSearchMode: 'limited',
    resourceSearchEnabled: true,
    defaultCalendarPublicVisibility: 'private',
    calendarPublicVisibilitySettingEnabled: true,
  },
};
const BAD_REQUEST =
  'Invalid domain (`Invalid domain: <d>`); not a JSON object, unknown or (PUT) missing field ' +
  '(`JSON payload of the request is not valid`); invalid value (`Invalid arguments supplied in the user request`)';

/** Per-domain overrides of the search and visibility settings (webadmin.md §6.3). */
@ApiTags('Domains')
@ApiParam({ name: 'domain', example: 'example.com' })
@ApiNotFoundResponse({ description: 'Unknown domain (`Domain not found: <d>`)' })
@Controller('domains/:domain/settings')
export class DomainSettingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stored overrides (null when unset) and the resolved effective values' })
  @ApiOkResponse({ schema: { example: EXAMPLE } })
  @ApiBadRequestResponse({ description: 'Invalid domain (`Invalid domain: <d>`)' })
  async get(@Param('domain') raw: string): Promise<Record<string, unknown>> {
    const domain = await existingDomain(this.queryBus, raw);
    const [stored, resolved] = await Promise.all([
      this.queryBus.execute(new GetStoredDomainSettingsQuery(domain.name)),
      this.queryBus.execute(new GetDomainSettingsQuery(domain.name)),
    ]);
    const json: Record<string, unknown> = {};
    for (const field of DOMAIN_SETTINGS_FIELDS) json[field] = stored[field] ?? null;
    json.resolved = resolved;
    return json;
  }

  @Put()
  @HttpCode(204)
  @ApiOperation({ summary: 'Replace the overrides: all four fields required, null clears one' })
  @ApiNoContentResponse({ description: 'Stored' })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  async replace(@Param('domain') raw: string, @Body() body: ReplaceDomainSettingsRequestDto): Promise<void> {
    const domain = await existingDomain(this.queryBus, raw);
    const { set } = toSettingsChange(body);
    await this.commandBus.execute(new ReplaceDomainSettingsCommand(domain.name, set));
  }

  @Patch()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change some overrides: a value sets, null clears, an absent field is kept' })
  @ApiNoContentResponse({ description: 'Stored' })
  @ApiBadRequestResponse({ description: `${BAD_REQUEST}; empty body` })
  async patch(@Param('domain') raw: string, @Body() body: PatchDomainSettingsRequestDto): Promise<void> {
    const domain = await existingDomain(this.queryBus, raw);
    const { set, unset } = toSettingsChange(body);
    await this.commandBus.execute(new PatchDomainSettingsCommand(domain.name, set, unset));
  }
}
