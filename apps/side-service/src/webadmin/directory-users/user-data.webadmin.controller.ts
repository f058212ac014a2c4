import { Controller, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isValidMailAddress } from '@app/core';
import { DeleteUserDataCommand } from '../../user-deletion/commands/delete-user-data/delete-user-data.command';
import { WebadminError } from '../http/webadmin-error';
import { taskSubmitted } from '../tasks/task-json';
import { UserDataRequestDto } from './user-data.request';

/** Deletion of everything a user has in the service and in DAV (webadmin.md §5.4). */
@ApiTags('Authentication directory users')
@Controller('users/:username')
export class UserDataController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      "Delete the user's data (task `DeleteUserDataTask`): DAV calendars and contacts, search index, user document",
    description: 'Steps run by ascending priority; `status` in the task details gives the state of each.',
  })
  @ApiParam({ name: 'username', example: 'alice@example.com' })
  @ApiCreatedResponse({
    description: 'Task submitted; `Location: /tasks/{taskId}`',
    schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
  })
  @ApiBadRequestResponse({
    description:
      'Invalid username (`Invalid username: <u>`); missing or unknown `action`; unknown `fromStep`; user unknown to ' +
      'the authentication directory without `force`',
  })
  async act(
    @Param('username') raw: string,
    @Query() query: UserDataRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const username = raw.trim();
    if (!isValidMailAddress(username)) throw WebadminError.invalidArgument(`Invalid username: ${raw}`);
    const taskId = await this.commandBus.execute(
      new DeleteUserDataCommand(username.toLowerCase(), query.fromStep, query.forced),
    );
    return taskSubmitted(response, taskId);
  }
}
