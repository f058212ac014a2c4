import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { viewerDomain, viewerOf } from '../../../openpaas/viewer';
import { GetDomainSettingsQuery } from './get-domain-settings.query';

@ApiTags('Domains')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/domain/settings')
@UseGuards(AuthenticatedGuard)
export class GetDomainSettingsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "My domain's effective settings: stored for the domain, else configured, else default",
  })
  @ApiOkResponse({
    schema: {
      example: {
        userSearchMode: 'limited',
        resourceSearchEnabled: false,
        defaultCalendarPublicVisibility: 'read',
      },
    },
  })
  async get(@CurrentUser() caller: AuthenticatedUser): Promise<object> {
    const settings = await this.queryBus.execute(
      new GetDomainSettingsQuery(viewerDomain(viewerOf(caller)) ?? ''),
    );
    // The original emits three of the four resolved settings (rest-api.md §6.1, §9.5).
    return {
      userSearchMode: settings.userSearchMode,
      resourceSearchEnabled: settings.resourceSearchEnabled,
      defaultCalendarPublicVisibility: settings.defaultCalendarPublicVisibility,
    };
  }
}
