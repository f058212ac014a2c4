import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
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
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import type { AllConfig } from '@app/config';
import { NotFoundError } from '@app/core';
import { RedirectTo } from '../../../http/json-response.interceptor';
import { requireObjectId } from '../../../openpaas/object-id.param';
import { CACHE_HALF_HOUR, CACHE_ONE_MINUTE } from '../../../openpaas/rest-json';
import { userJson } from '../../../openpaas/user.json';
import { viewerOf } from '../../../openpaas/viewer';
import { USER_EXAMPLE } from '../../user-profiles.docs';
import { GetUserQuery } from './get-user.query';

/**
 * The address as a query value: `@` left as the original writes it (rest-api.md §5.1), anything a URL or a query
 * parser would misread (`+`, `&`, `#`, spaces, quotes, non-ASCII, control characters) percent-encoded.
 */
export const avatarQueryValue = (email: string): string => encodeURIComponent(email).replace(/%40/g, '@');

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
  @Header('Cache-Control', CACHE_ONE_MINUTE)
  async get(@CurrentUser() caller: AuthenticatedUser, @Param('userId') userId: string): Promise<object> {
    const found = await this.find(caller, userId);
    return userJson(found.user, found.timezone);
  }

  @Get(':userId/profile/avatar')
  @ApiOperation({ summary: 'Redirect to the avatar of a user of my domain' })
  @ApiFoundResponse({ description: 'Location: {self.url}/api/avatars?email={email}' })
  @Header('Cache-Control', CACHE_HALF_HOUR)
  async avatar(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('userId') userId: string,
  ): Promise<RedirectTo> {
    const { user } = await this.find(caller, userId);
    return new RedirectTo(`${this.selfUrl}/api/avatars?email=${avatarQueryValue(user.email)}`);
  }

  private async find(caller: AuthenticatedUser, userId: string) {
    const found = await this.queryBus.execute(
      new GetUserQuery(viewerOf(caller), requireObjectId(userId, 'user')),
    );
    if (!found) throw new NotFoundError('User not found');
    return found;
  }
}
