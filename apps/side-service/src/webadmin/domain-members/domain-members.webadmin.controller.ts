import { Controller, Delete, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClearDomainMembersCommand } from '../../domain-sync/commands/clear-domain-members/clear-domain-members.command';
import { SyncDomainMembersCommand } from '../../domain-sync/commands/sync-domain-members/sync-domain-members.command';
import { LdapRoutesGuard } from '../http/ldap-routes.guard';
import { taskSubmitted } from '../tasks/task-json';
import {
  ClearDomainMembersRequestDto,
  SyncAllDomainMembersRequestDto,
  SyncDomainMembersRequestDto,
} from './domain-members.request';

const TASK_CREATED = {
  description: 'Task submitted; `Location: /tasks/{taskId}`',
  schema: { example: { taskId: '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1' } },
};
const ABSENT_WITHOUT_LDAP = 'Unknown route when LDAP is not configured';

/** LDAP → DAV domain-member address books (webadmin.md §6.4–6.5); present only with LDAP configured. */
@ApiTags('Domain members address book')
@Controller('addressbook/domain-members')
@UseGuards(LdapRoutesGuard)
export class DomainMembersController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Sync every domain (but the ignored ones) from LDAP into its domain-members address book',
    description:
      'Task `sync-domain-members-contacts-ldap-to-dav`. A filtered run deletes the members the filter excludes: ' +
      'always use the same filter.',
  })
  @ApiCreatedResponse(TASK_CREATED)
  @ApiBadRequestResponse({
    description:
      "Missing/unknown `task`, invalid domain in `ignoredDomains`, `Invalid 'ldapFilter' parameter: <f>`",
  })
  @ApiNotFoundResponse({ description: ABSENT_WITHOUT_LDAP })
  async syncAll(
    @Query() { ignoredDomains, ldapFilter }: SyncAllDomainMembersRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const taskId = await this.commandBus.execute(
      new SyncDomainMembersCommand(undefined, ignoredDomains, ldapFilter),
    );
    return taskSubmitted(response, taskId);
  }

  @Post(':domain')
  @ApiOperation({ summary: "Sync one domain's members from LDAP into its domain-members address book" })
  @ApiParam({ name: 'domain', example: 'example.com' })
  @ApiCreatedResponse(TASK_CREATED)
  @ApiBadRequestResponse({ description: "Missing/unknown `task`, invalid domain, invalid 'ldapFilter'" })
  @ApiNotFoundResponse({ description: `\`domain not found: <d>\`; ${ABSENT_WITHOUT_LDAP}` })
  async syncDomain(
    @Param('domain') domain: string,
    @Query() { ldapFilter }: SyncDomainMembersRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const taskId = await this.commandBus.execute(new SyncDomainMembersCommand(domain, undefined, ldapFilter));
    return taskSubmitted(response, taskId);
  }

  @Delete()
  @ApiOperation({
    summary: 'Delete every card of the domain-members books of all domains (LDAP untouched)',
    description: 'Task `clear-domain-members-contacts-dav`.',
  })
  @ApiCreatedResponse(TASK_CREATED)
  @ApiBadRequestResponse({ description: 'Invalid domain in `ignoredDomains`' })
  @ApiNotFoundResponse({ description: ABSENT_WITHOUT_LDAP })
  async clearAll(
    @Query() { ignoredDomains }: ClearDomainMembersRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const taskId = await this.commandBus.execute(new ClearDomainMembersCommand(undefined, ignoredDomains));
    return taskSubmitted(response, taskId);
  }

  @Delete(':domain')
  @ApiOperation({ summary: "Delete every card of one domain's domain-members book (LDAP untouched)" })
  @ApiParam({ name: 'domain', example: 'example.com' })
  @ApiCreatedResponse(TASK_CREATED)
  @ApiBadRequestResponse({ description: 'Invalid domain' })
  @ApiNotFoundResponse({ description: `\`domain not found: <d>\`; ${ABSENT_WITHOUT_LDAP}` })
  async clearDomain(
    @Param('domain') domain: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string }> {
    const taskId = await this.commandBus.execute(new ClearDomainMembersCommand(domain, undefined));
    return taskSubmitted(response, taskId);
  }
}
