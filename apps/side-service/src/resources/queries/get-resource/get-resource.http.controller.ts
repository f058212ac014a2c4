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
import { resourceJson } from '../../../openpaas/resource.json';
import { viewerOf } from '../../../openpaas/viewer';
import { GetResourceQuery } from './get-resource.query';

const RESOURCE_EXAMPLE = {
  _id: '66a0d00000000000000000aa',
  name: 'Room 2',
  description: 'Second floor',
  type: 'resource',
  icon: 'meeting-room',
  deleted: false,
  creator: '65f0a1b2c3d4e5f601234567',
  __v: 0,
  timestamps: { creation: '2025-01-10T09:00:00.000Z', updatedAt: '2025-02-01T10:30:00.000Z' },
  administrators: [
    {
      _id: '65f0a1b2c3d4e5f601234567',
      id: '65f0a1b2c3d4e5f601234567',
      objectType: 'user',
      davRight: 'dav:read-write',
      access: 3,
    },
  ],
  domain: { _id: '65f0c0ffee0000000000abcd', name: 'example.org' },
};

@ApiTags('Resources')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller()
@UseGuards(AuthenticatedGuard)
export class GetResourceController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('api/resources/:resourceId')
  @ApiOperation({
    summary: 'A resource of my domain, deleted ones included (unknown, malformed id, another domain: 404)',
  })
  @ApiOkResponse({ schema: { example: RESOURCE_EXAMPLE } })
  @ApiNotFoundResponse()
  get(@CurrentUser() caller: AuthenticatedUser, @Param('resourceId') resourceId: string): Promise<object> {
    return this.answer(caller, resourceId);
  }

  @Get('linagora.esn.resource/api/resources/:resourceId')
  @ApiOperation({ summary: 'Deprecated alias of GET /api/resources/{resourceId}', deprecated: true })
  getAlias(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('resourceId') resourceId: string,
  ): Promise<object> {
    return this.answer(caller, resourceId);
  }

  private async answer(caller: AuthenticatedUser, resourceId: string): Promise<object> {
    const found = await this.queryBus.execute(new GetResourceQuery(viewerOf(caller), resourceId));
    if (!found) throw new NotFoundError('Resource not found');
    return resourceJson(found.resource, found.domain, found.administrators);
  }
}
