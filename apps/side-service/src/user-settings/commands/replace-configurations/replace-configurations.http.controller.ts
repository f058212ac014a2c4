import { Body, Controller, HttpCode, Put, Query, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { RestError } from '../../../http/rest-error';
import { parseEntriesBody } from '../../settings-body';
import { ApiSettingsEntries } from '../../settings-api.docs';
import { ReplaceConfigurationsCommand } from './replace-configurations.command';

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
  @ApiQuery({ name: 'scope', required: true, enum: ['user'] })
  @ApiSettingsEntries()
  async replace(
    @CurrentUser() user: AuthenticatedUser,
    @Query('scope') scope: unknown,
    @Body() body: unknown,
  ): Promise<void> {
    if (scope !== 'user') throw new RestError(400, "The 'scope' query parameter must be 'user'");
    await this.commandBus.execute(new ReplaceConfigurationsCommand(user.username, parseEntriesBody(body)));
  }
}
