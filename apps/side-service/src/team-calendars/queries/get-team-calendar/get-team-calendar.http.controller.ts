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
import { EPOCH } from '../../../openpaas/epoch';
import { teamCalendarJson } from '../../../openpaas/team-calendar.json';
import { viewerOf } from '../../../openpaas/viewer';
import { GetTeamCalendarQuery } from './get-team-calendar.query';

@ApiTags('Team calendars')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/team-calendars')
@UseGuards(AuthenticatedGuard)
export class GetTeamCalendarController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':teamCalendarId')
  @ApiOperation({ summary: 'A team calendar of my domain (unknown, malformed id, another domain: 404)' })
  @ApiOkResponse({
    schema: {
      example: {
        _id: '67b000000000000000000001',
        name: 'sales',
        displayName: 'Sales Team',
        timestamps: { creation: '2025-03-01T08:00:00.000Z' },
        domain: {
          _id: '65f0c0ffee0000000000abcd',
          name: 'example.org',
          company_name: 'example.org',
          hostnames: ['example.org'],
          timestamps: { creation: EPOCH },
        },
      },
    },
  })
  @ApiNotFoundResponse()
  async get(@CurrentUser() caller: AuthenticatedUser, @Param('teamCalendarId') id: string): Promise<object> {
    const found = await this.queryBus.execute(new GetTeamCalendarQuery(viewerOf(caller), id));
    if (!found) throw new NotFoundError('Team calendar not found');
    return teamCalendarJson(found.calendar, found.domain, { domainAdministrators: false });
  }
}
