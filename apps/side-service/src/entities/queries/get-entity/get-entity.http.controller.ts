import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { NotFoundError } from '@app/core';
import { requireObjectId } from '../../../openpaas/object-id.param';
import { viewerOf } from '../../../openpaas/viewer';
import { GetEntityQuery } from './get-entity.query';

@ApiTags('Entities')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/entity')
@UseGuards(AuthenticatedGuard)
export class GetEntityController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Whatever the id names in my domain, under its kind: user, teamCalendar, resource or domain',
  })
  @ApiOkResponse({
    schema: { example: { domain: { _id: '65f0c0ffee0000000000abcd', name: 'example.org' } } },
  })
  @ApiNotFoundResponse()
  async get(@CurrentUser() caller: AuthenticatedUser, @Param('id') id: string): Promise<object> {
    const entity = await this.queryBus.execute(
      new GetEntityQuery(viewerOf(caller), requireObjectId(id, 'entity')),
    );
    if (!entity) throw new NotFoundError('Nothing has this id');
    return entity;
  }
}
