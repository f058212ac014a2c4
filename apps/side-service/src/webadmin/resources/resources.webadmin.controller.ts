import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateResourceCommand } from '../../resources/commands/create-resource/create-resource.command';
import { DeleteResourceCommand } from '../../resources/commands/delete-resource/delete-resource.command';
import { UpdateResourceCommand } from '../../resources/commands/update-resource/update-resource.command';
import { GetDomainResourceQuery } from '../../resources/queries/get-domain-resource/get-domain-resource.query';
import { ListDomainResourcesQuery } from '../../resources/queries/list-domain-resources/list-domain-resources.query';
import { existingDomain } from '../domains/domain-param';
import {
  CreateResourceDto,
  ResourceResponseDto,
  UpdateResourceDto,
  toCreateResourceInput,
  toResourceResponse,
  toResourceUpdate,
} from './resource-body';

/**
 * Resources of a domain (webadmin.md §8). Administrators are the sharees of the resource calendar on the DAV
 * server: creating, updating and deleting a resource grants and revokes them there.
 */
@ApiTags('Resources')
@ApiBadRequestResponse({ description: 'Invalid domain, body, right or unknown user' })
@ApiNotFoundResponse({ description: 'Unknown domain, or unknown resource' })
@Controller('domains/:domain/resources')
export class ResourcesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every resource of the domain, deleted ones included' })
  @ApiOkResponse({ type: [ResourceResponseDto] })
  async list(@Param('domain') rawDomain: string): Promise<ResourceResponseDto[]> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    return (await this.queryBus.execute(new ListDomainResourcesQuery(domain))).map(toResourceResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One resource, deleted ones too (malformed id or another domain: 404)' })
  @ApiOkResponse({ type: ResourceResponseDto })
  async get(@Param('domain') rawDomain: string, @Param('id') id: string): Promise<ResourceResponseDto> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    return toResourceResponse(await this.queryBus.execute(new GetDomainResourceQuery(domain, id)));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a resource and grant its administrators on its calendar (none: auto-accepting)',
  })
  @ApiBody({ type: CreateResourceDto })
  @ApiCreatedResponse({ description: 'Empty body; `Location: /domains/{domain}/resources/{id}`' })
  async create(
    @Param('domain') rawDomain: string,
    @Body() body: CreateResourceDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    const input = toCreateResourceInput(body);
    const id = await this.commandBus.execute(new CreateResourceCommand(domain, input));
    response.setHeader('Location', `/domains/${domain.name}/resources/${id}`);
  }

  @Patch(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change name, description, icon; `administrators` replaces the whole list' })
  @ApiBody({ type: UpdateResourceDto })
  @ApiNoContentResponse()
  async update(
    @Param('domain') rawDomain: string,
    @Param('id') id: string,
    @Body() body: UpdateResourceDto,
  ): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    const { changes, administrators } = toResourceUpdate(body);
    await this.commandBus.execute(new UpdateResourceCommand(domain, id, changes, administrators));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke every administrator, then mark the resource deleted' })
  @ApiNoContentResponse()
  async remove(@Param('domain') rawDomain: string, @Param('id') id: string): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    await this.commandBus.execute(new DeleteResourceCommand(domain, id));
  }
}
