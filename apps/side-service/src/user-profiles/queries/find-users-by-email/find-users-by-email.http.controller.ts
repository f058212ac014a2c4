import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { CACHE_ONE_MINUTE } from '../../../openpaas/rest-json';
import { userJson } from '../../../openpaas/user.json';
import { viewerOf } from '../../../openpaas/viewer';
import { USER_EXAMPLE } from '../../user-profiles.docs';
import { FindUsersByEmailQuery } from './find-users-by-email.query';
import { FindUsersByEmailRequestDto } from './find-users-by-email.request';

@ApiTags('Users')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/users')
@UseGuards(AuthenticatedGuard)
export class FindUsersByEmailController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The user with that address, as an array of 0 or 1 element' })
  @ApiOkResponse({ schema: { example: [USER_EXAMPLE] } })
  @Header('Cache-Control', CACHE_ONE_MINUTE)
  async find(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() { email }: FindUsersByEmailRequestDto,
  ): Promise<object[]> {
    const found = await this.queryBus.execute(new FindUsersByEmailQuery(viewerOf(caller), email));
    return found.map(({ user, timezone }) => userJson(user, timezone));
  }
}
