import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { DomainError, ErrorCode } from '@app/core';
import { RestError } from '../../../http/rest-error';
import { StartImportCommand } from './start-import.command';
import { StartImportRequestDto } from './start-import.request';

@ApiTags('Import')
@ApiBearerAuth()
@Controller()
@UseGuards(AuthenticatedGuard)
export class StartImportController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(['api/import', 'linagora.esn.dav.import/api/import'])
  @HttpCode(202)
  @ApiOperation({ summary: 'Import an uploaded file into a calendar or address book (asynchronous)' })
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @Body() { fileId, target }: StartImportRequestDto,
  ): Promise<{ importId: string }> {
    try {
      return {
        importId: await this.commandBus.execute(new StartImportCommand(user.username, fileId, target)),
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidArgument)
        throw new RestError(400, error.details ?? error.message);
      throw error;
    }
  }
}
