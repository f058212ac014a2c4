import { Body, Controller, HttpCode, Put, Query, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { parseEntriesBody } from '../../settings-body';
import { ApiSettingsEntries } from '../../settings-api.docs';
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
  @ApiSettingsEntries()
  async replace(
    @CurrentUser() user: AuthenticatedUser,
    // Checked for its value only (`scope=user`); the query carries nothing else.
    @Query() _query: ReplaceConfigurationsRequestDto,
    @Body() body: unknown,
  ): Promise<void> {
    await this.commandBus.execute(new ReplaceConfigurationsCommand(user.username, parseEntriesBody(body)));
  }
}
