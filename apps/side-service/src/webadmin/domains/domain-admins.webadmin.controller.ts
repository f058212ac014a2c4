import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { isValidMailAddress } from '@app/core';
import { AddDomainAdminCommand } from '../../domains/commands/add-domain-admin/add-domain-admin.command';
import { RevokeDomainAdminCommand } from '../../domains/commands/revoke-domain-admin/revoke-domain-admin.command';
import { ListDomainAdminsQuery } from '../../domains/queries/list-domain-admins/list-domain-admins.query';
import { WebadminError } from '../http/webadmin-error';
import { domainParam } from './domain-param';

function usernameParam(raw: string): string {
  if (!isValidMailAddress(raw.trim())) throw WebadminError.invalidArgument(`Invalid username: ${raw}`);
  return raw.trim().toLowerCase();
}

@ApiTags('Domains')
@Controller('domains/:domain/admins')
export class DomainAdminsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'E-mails of the domain administrators' })
  list(@Param('domain') domain: string): Promise<string[]> {
    return this.queryBus.execute(new ListDomainAdminsQuery(domainParam(domain)));
  }

  @Put(':username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Make a registered user administrator of the domain (idempotent)' })
  async add(@Param('domain') domain: string, @Param('username') username: string): Promise<void> {
    await this.commandBus.execute(new AddDomainAdminCommand(domainParam(domain), usernameParam(username)));
  }

  @Delete(':username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an administrator (idempotent)' })
  async revoke(@Param('domain') domain: string, @Param('username') username: string): Promise<void> {
    await this.commandBus.execute(new RevokeDomainAdminCommand(domainParam(domain), usernameParam(username)));
  }
}
