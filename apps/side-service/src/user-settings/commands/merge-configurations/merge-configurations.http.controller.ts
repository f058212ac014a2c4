import { Controller, HttpCode, Patch, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { ArrayBody } from '../../../http/validation/array-body';
import {
  INVALID_CONFIGURATIONS_BODY,
  ModuleConfigurationsRequestDto,
  toSettingEntries,
} from '../../settings-body';
import { MergeConfigurationsCommand } from './merge-configurations.command';

@ApiTags('Configurations')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/configurations')
@UseGuards(AuthenticatedGuard)
export class MergeConfigurationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set some of my settings, keeping the others' })
  @ApiQuery({ name: 'scope', required: false, description: 'ignored' })
  @ApiNoContentResponse({ description: 'Stored' })
  async merge(
    @CurrentUser() user: AuthenticatedUser,
    @ArrayBody(ModuleConfigurationsRequestDto, INVALID_CONFIGURATIONS_BODY)
    body: ModuleConfigurationsRequestDto[],
  ): Promise<void> {
    await this.commandBus.execute(new MergeConfigurationsCommand(user.username, toSettingEntries(body)));
  }
}
