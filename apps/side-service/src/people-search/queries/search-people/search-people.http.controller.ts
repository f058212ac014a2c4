import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { personJson } from '../../person';
import { SearchPeopleRequestDto, objectTypesOf } from './search-people.request';
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
    @Body() request: SearchPeopleRequestDto,
  ): Promise<unknown[]> {
    const people = await this.queryBus.execute(
      new SearchPeopleQuery(caller.username, request.q ?? '', objectTypesOf(request), request.limit),
    );
    return people.map(personJson);
  }
}
