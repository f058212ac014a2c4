import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
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
import { domainJson } from '../../../openpaas/domain.json';
import { EPOCH } from '../../../openpaas/epoch';
import { requireObjectId } from '../../../openpaas/object-id.param';
import { CACHE_ONE_MINUTE } from '../../../openpaas/rest-json';
import { viewerOf } from '../../../openpaas/viewer';
import { GetDomainByIdQuery } from './get-domain-by-id.query';

export const DOMAIN_EXAMPLE = {
  _id: '65f0c0ffee0000000000abcd',
  name: 'example.org',
  company_name: 'example.org',
  hostnames: ['example.org'],
  schemaVersion: 1,
  __v: 0,
  injections: [],
  timestamps: { creation: EPOCH },
  administrators: [{ user_id: '65f0a1b2c3d4e5f601234567', timestamps: { creation: EPOCH } }],
};

@ApiTags('Domains')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/domains')
@UseGuards(AuthenticatedGuard)
export class GetDomainByIdController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':domainId')
  @ApiOperation({ summary: 'My domain (malformed id: 400; unknown or another domain: 404)' })
  @ApiOkResponse({ schema: { example: DOMAIN_EXAMPLE } })
  @ApiNotFoundResponse()
  @Header('Cache-Control', CACHE_ONE_MINUTE)
  async get(@CurrentUser() caller: AuthenticatedUser, @Param('domainId') domainId: string): Promise<object> {
    const domain = await this.queryBus.execute(
      new GetDomainByIdQuery(viewerOf(caller), requireObjectId(domainId, 'domain')),
    );
    if (!domain) throw new NotFoundError('Domain not found');
    return domainJson(domain);
  }
}
