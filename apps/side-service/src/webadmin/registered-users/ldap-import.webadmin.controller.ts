import { Controller, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ImportLdapUsersCommand } from '../../users/commands/import-ldap-users/import-ldap-users.command';
import { LdapRoutesGuard } from '../http/ldap-routes.guard';
import { taskSubmitted } from '../tasks/task-json';
import { LdapImportRequestDto } from './ldap-import.request';

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
  @ApiCreatedResponse({
    description: 'Task submitted; `Location: /tasks/{taskId}`',
    schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
  })
  @ApiBadRequestResponse({ description: 'Missing or unknown `task`; `usersPerSecond` not an integer > 0' })
  @ApiNotFoundResponse({ description: 'Unknown route when LDAP is not configured' })
  async importUsers(
    @Query() query: LdapImportRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const taskId = await this.commandBus.execute(new ImportLdapUsersCommand(query.rate));
    return taskSubmitted(response, taskId);
  }
}
