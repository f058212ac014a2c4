import { Controller, Get, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { EPOCH } from '../../../openpaas/epoch';
import { userJson } from '../../../openpaas/user.json';
import { USER_EXAMPLE } from '../../user-profiles.docs';
import { GetCurrentUserQuery } from './get-current-user.query';

/** `GET /api/user`: the user's profile and what only its owner sees (accounts, login, settings). */
function currentUserJson(profile: object, id: string, emails: string[], modules: unknown): object {
  return {
    ...profile,
    id,
    isPlatformAdmin: false,
    accounts: [
      { hosted: true, preferredEmailIndex: 0, type: 'email', timestamps: { creation: EPOCH }, emails },
    ],
    login: { success: EPOCH, failures: [] },
    configurations: { modules },
  };
}

@ApiTags('Users')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/user')
@UseGuards(AuthenticatedGuard)
export class GetCurrentUserController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'My profile and every setting resolved locally (empty body for the admin account)',
  })
  @ApiOkResponse({
    schema: {
      example: currentUserJson(
        USER_EXAMPLE,
        USER_EXAMPLE._id,
        [],
        [{ name: 'core', configurations: [{ name: 'language', value: 'en' }] }],
      ),
    },
  })
  async get(@CurrentUser() caller: AuthenticatedUser): Promise<object | undefined> {
    const current = await this.queryBus.execute(new GetCurrentUserQuery(caller.username));
    if (!current) return undefined; // the admin account: 200 with an empty body
    const { user, modules } = current;
    return currentUserJson(userJson(user), user.id, [user.email], modules);
  }
}
