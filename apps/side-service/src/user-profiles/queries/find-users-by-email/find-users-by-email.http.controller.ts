import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { RestError } from '../../../http/rest-error';
import { CACHE_ONE_MINUTE, sendJson } from '../../../openpaas/rest-json';
import { userJson } from '../../../openpaas/user.json';
import { viewerOf } from '../../../openpaas/viewer';
import { USER_EXAMPLE } from '../../user-profiles.docs';
import { FindUsersByEmailQuery } from './find-users-by-email.query';

@ApiTags('Users')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/users')
@UseGuards(AuthenticatedGuard)
export class FindUsersByEmailController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The user with that address, as an array of 0 or 1 element' })
  @ApiQuery({ name: 'email', required: true })
  @ApiOkResponse({ schema: { example: [USER_EXAMPLE] } })
  async find(
    @CurrentUser() caller: AuthenticatedUser,
    @Query('email') email: unknown,
    @Res() response: Response,
  ): Promise<void> {
    if (typeof email !== 'string' || email.trim() === '')
      throw new RestError(400, "'email' query parameter is required");
    const address = email.trim();
    const at = address.lastIndexOf('@');
    if (at < 0 || at === address.length - 1)
      throw new RestError(400, "'email' query parameter must contain a domain part");
    const found = await this.queryBus.execute(new FindUsersByEmailQuery(viewerOf(caller), address));
    sendJson(
      response,
      found.map(({ user, timezone }) => userJson(user, timezone)),
      { headers: { 'Cache-Control': CACHE_ONE_MINUTE } },
    );
  }
}
