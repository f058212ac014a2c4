import { Controller, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { isValidMailAddress } from '@app/core';
import { DeleteUserDataCommand } from '../../user-deletion/commands/delete-user-data/delete-user-data.command';
import { WebadminError } from '../http/webadmin-error';
import { supportedValue } from '../http/task-parameters';
import { taskSubmitted } from '../tasks/task-json';

const ACTIONS = ['deleteData'];
const STEPS = [
  'DavCalendarDeletionTaskStep',
  'DavContactDeletionTaskStep',
  'CalendarSearchDeletionTaskStep',
  'OpenPaaSUserDeletionTaskStep',
];

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
  @ApiQuery({ name: 'action', enum: ACTIONS })
  @ApiQuery({ name: 'fromStep', required: false, enum: STEPS, description: 'Earlier steps are skipped' })
  @ApiQuery({
    name: 'force',
    required: false,
    description: 'Presence only: run even when the authentication directory does not know the user',
  })
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
    @Query('action') action: string | undefined,
    @Query('fromStep') fromStep: string | undefined,
    @Query('force') force: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const username = raw.trim();
    if (!isValidMailAddress(username)) throw WebadminError.invalidArgument(`Invalid username: ${raw}`);
    supportedValue('action', action, ACTIONS);
    const taskId = await this.commandBus.execute(
      new DeleteUserDataCommand(username.toLowerCase(), fromStep, force !== undefined),
    );
    return taskSubmitted(response, taskId);
  }
}
