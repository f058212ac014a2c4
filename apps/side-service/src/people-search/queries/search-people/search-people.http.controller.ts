import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { sendJson } from '../../../openpaas/rest-json';
import { personJson } from '../../person';
import { MAX_LIMIT, parseSearchPeopleRequest } from './search-people.request';
import { SearchPeopleQuery } from './search-people.query';

@ApiTags('People search')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/people/search')
@UseGuards(AuthenticatedGuard)
export class SearchPeopleController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Users, resources, contacts and team calendars of my domain, ranked by type then name',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['limit'],
      properties: {
        q: { type: 'string' },
        objectTypes: {
          type: 'array',
          items: { type: 'string', enum: ['user', 'contact', 'resource', 'team-calendar'] },
        },
        limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
      },
      example: { q: 'ali', objectTypes: ['user', 'resource'], limit: 10 },
    },
  })
  @ApiOkResponse({
    schema: {
      example: [
        {
          id: '65f0a1b2c3d4e5f601234567',
          objectType: 'user',
          names: [{ displayName: 'Alice Martin', type: 'default' }],
          emailAddresses: [{ value: 'alice@example.org', type: 'Work' }],
          phoneNumbers: [],
          photos: [
            { url: 'https://calendar.example.org/api/avatars?email=alice@example.org', type: 'default' },
          ],
        },
      ],
    },
  })
  async search(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const request = parseSearchPeopleRequest(body);
    const people = await this.queryBus.execute(
      new SearchPeopleQuery(caller.username, request.q, request.objectTypes, request.limit),
    );
    sendJson(response, people.map(personJson));
  }
}
