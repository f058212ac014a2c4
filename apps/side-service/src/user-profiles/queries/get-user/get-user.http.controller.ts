import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import type { AllConfig } from '@app/config';
import { NotFoundError } from '@app/core';
import { requireObjectId } from '../../../openpaas/object-id.param';
import { CACHE_HALF_HOUR, CACHE_ONE_MINUTE, sendJson } from '../../../openpaas/rest-json';
import { userJson } from '../../../openpaas/user.json';
import { viewerOf } from '../../../openpaas/viewer';
import { USER_EXAMPLE } from '../../user-profiles.docs';
import { GetUserQuery } from './get-user.query';

@ApiTags('Users')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/users')
@UseGuards(AuthenticatedGuard)
export class GetUserController {
  private readonly selfUrl: string;

  constructor(
    private readonly queryBus: QueryBus,
    config: ConfigService<AllConfig, true>,
  ) {
    this.selfUrl = config.get('app', { infer: true }).selfUrl.replace(/\/+$/, '');
  }

  @Get(':userId')
  @ApiOperation({ summary: 'A user of my domain (malformed id: 400; unknown or another domain: 404)' })
  @ApiOkResponse({ schema: { example: USER_EXAMPLE } })
  @ApiNotFoundResponse()
  async get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('userId') userId: string,
    @Res() response: Response,
  ): Promise<void> {
    const found = await this.find(caller, userId);
    sendJson(response, userJson(found.user, found.timezone), {
      headers: { 'Cache-Control': CACHE_ONE_MINUTE },
    });
  }

  @Get(':userId/profile/avatar')
  @ApiOperation({ summary: 'Redirect to the avatar of a user of my domain' })
  @ApiFoundResponse({ description: 'Location: {self.url}/api/avatars?email={email}' })
  async avatar(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('userId') userId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { user } = await this.find(caller, userId);
    response
      .status(302)
      .setHeader('Location', `${this.selfUrl}/api/avatars?email=${user.email}`)
      .setHeader('Cache-Control', CACHE_HALF_HOUR)
      .end();
  }

  private async find(caller: AuthenticatedUser, userId: string) {
    const found = await this.queryBus.execute(
      new GetUserQuery(viewerOf(caller), requireObjectId(userId, 'user')),
    );
    if (!found) throw new NotFoundError('User not found');
    return found;
  }
}
