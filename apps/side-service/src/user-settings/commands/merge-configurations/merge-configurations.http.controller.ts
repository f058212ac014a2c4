import { Body, Controller, HttpCode, Patch, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { parseEntriesBody } from '../../settings-body';
import { ApiSettingsEntries } from '../../settings-api.docs';
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
  @ApiSettingsEntries()
  async merge(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<void> {
    await this.commandBus.execute(new MergeConfigurationsCommand(user.username, parseEntriesBody(body)));
  }
}
