import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateDomainCommand } from '../../domains/commands/create-domain/create-domain.command';
import { ListDomainsQuery } from '../../domains/queries/list-domains/list-domains.query';
import { WebadminError } from '../http/webadmin-error';
import { domainParam, existingDomain } from './domain-param';

@ApiTags('Domains')
@Controller('domains')
export class DomainsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Names of every domain' })
  @ApiOkResponse({ type: [String], schema: { example: ['example.com', 'example.org'] } })
  async list(): Promise<string[]> {
    return (await this.queryBus.execute(new ListDomainsQuery())).map((domain) => domain.name);
  }

  @Get(':domain')
  @HttpCode(204)
  @ApiOperation({ summary: 'Does the domain exist' })
  @ApiNoContentResponse({ description: 'The domain exists' })
  async exists(@Param('domain') domain: string): Promise<void> {
    await existingDomain(this.queryBus, domain, (name) => `The domain list does not contain: ${name}`);
  }

  @Put(':domain')
  @HttpCode(204)
  @ApiOperation({ summary: 'Create the domain (idempotent)' })
  async create(@Param('domain') domain: string): Promise<void> {
    await this.commandBus.execute(new CreateDomainCommand(domainParam(domain)));
  }

  @Delete(':domain')
  @ApiOperation({ summary: 'Not supported: domains are never deleted (405)' })
  remove(@Param('domain') domain: string): never {
    domainParam(domain);
    throw new WebadminError(405, 'InvalidArgument', 'Deleting a domain is not supported');
  }
}
