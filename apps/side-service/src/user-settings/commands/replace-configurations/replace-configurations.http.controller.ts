import { Controller, HttpCode, Put, Query, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { ArrayBody } from '../../../http/validation/array-body';
import {
  INVALID_CONFIGURATIONS_BODY,
  ModuleConfigurationsRequestDto,
  toSettingEntries,
} from '../../settings-body';
import { ReplaceConfigurationsCommand } from './replace-configurations.command';
import { ReplaceConfigurationsRequestDto } from './replace-configurations.request';

@ApiTags('Configurations')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/configurations')
@UseGuards(AuthenticatedGuard)
export class ReplaceConfigurationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @HttpCode(204)
  @ApiOperation({ summary: 'Replace all my stored settings (deprecated; keys not sent are deleted)' })
  @ApiNoContentResponse({ description: 'Stored' })
  async replace(
    @CurrentUser() user: AuthenticatedUser,
    // Checked for its value only (`scope=user`); the query carries nothing else.
    @Query() _query: ReplaceConfigurationsRequestDto,
    @ArrayBody(ModuleConfigurationsRequestDto, INVALID_CONFIGURATIONS_BODY)
    body: ModuleConfigurationsRequestDto[],
  ): Promise<void> {
    await this.commandBus.execute(new ReplaceConfigurationsCommand(user.username, toSettingEntries(body)));
  }
}
