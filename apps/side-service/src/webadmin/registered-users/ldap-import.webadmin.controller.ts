import { Controller, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ImportLdapUsersCommand } from '../../users/commands/import-ldap-users/import-ldap-users.command';
import { LdapRoutesGuard } from '../http/ldap-routes.guard';
import { positiveInteger, supportedValue } from '../http/task-parameters';
import { taskSubmitted } from '../tasks/task-json';

const TASKS = ['importFromLDAP'];
const DEFAULT_USERS_PER_SECOND = 100;

/** Registers the LDAP users (webadmin.md §5.3); present only with LDAP configured. */
@ApiTags('Registered users')
@Controller('registeredUsers/tasks')
@UseGuards(LdapRoutesGuard)
export class LdapImportController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Register every LDAP user (task `import-ldap-users`): unknown ones created, changed names updated',
  })
  @ApiQuery({ name: 'task', enum: TASKS })
  @ApiQuery({ name: 'usersPerSecond', required: false, description: 'Integer > 0, default 100' })
  @ApiCreatedResponse({
    description: 'Task submitted; `Location: /tasks/{taskId}`',
    schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
  })
  @ApiBadRequestResponse({ description: 'Missing or unknown `task`; `usersPerSecond` not an integer > 0' })
  @ApiNotFoundResponse({ description: 'Unknown route when LDAP is not configured' })
  async importUsers(
    @Query('task') task: string | undefined,
    @Query('usersPerSecond') rate: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    supportedValue('task', task, TASKS);
    const rateLimit = positiveInteger('usersPerSecond', rate, DEFAULT_USERS_PER_SECOND);
    const taskId = await this.commandBus.execute(new ImportLdapUsersCommand(rateLimit));
    return taskSubmitted(response, taskId);
  }
}
