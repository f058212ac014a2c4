import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { EPOCH } from '../../../openpaas/epoch';
import { sendJson } from '../../../openpaas/rest-json';
import { userJson } from '../../../openpaas/user.json';
import { USER_EXAMPLE } from '../../user-profiles.docs';
import { GetCurrentUserQuery } from './get-current-user.query';

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
      example: {
        ...USER_EXAMPLE,
        id: USER_EXAMPLE._id,
        isPlatformAdmin: false,
        accounts: [
          {
            hosted: true,
            preferredEmailIndex: 0,
            type: 'email',
            timestamps: { creation: EPOCH },
            emails: [],
          },
        ],
        login: { success: EPOCH, failures: [] },
        configurations: { modules: [{ name: 'core', configurations: [{ name: 'language', value: 'en' }] }] },
      },
    },
  })
  async get(@CurrentUser() caller: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const current = await this.queryBus.execute(new GetCurrentUserQuery(caller.username));
    if (!current) {
      response.status(200).end();
      return;
    }
    const { user, modules } = current;
    sendJson(response, {
      ...userJson(user),
      id: user.id,
      isPlatformAdmin: false,
      accounts: [
        {
          hosted: true,
          preferredEmailIndex: 0,
          type: 'email',
          timestamps: { creation: EPOCH },
          emails: [user.email],
        },
      ],
      login: { success: EPOCH, failures: [] },
      configurations: { modules },
    });
  }
}
