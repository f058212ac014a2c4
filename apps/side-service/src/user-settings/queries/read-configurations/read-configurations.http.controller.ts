import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { JsonContentType } from '../../../http/json-response.interceptor';
import { parseLookupBody } from '../../settings-body';
import { ReadConfigurationsQuery } from './read-configurations.query';

@ApiTags('Configurations')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/configurations')
@UseGuards(AuthenticatedGuard)
export class ReadConfigurationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @HttpCode(200)
  @JsonContentType('application/json')
  @ApiOperation({ summary: 'Read settings: only the modules and keys asked for (rest-api.md §5.3)' })
  @ApiBody({
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, keys: { type: 'array', items: { type: 'string' } } },
      },
      example: [{ name: 'core', keys: ['language', 'datetime'] }],
    },
  })
  @ApiOkResponse({
    schema: {
      example: [
        {
          name: 'core',
          configurations: [
            { name: 'language', value: 'fr' },
            { name: 'datetime', value: { timeZone: 'Europe/Paris', use24hourFormat: true } },
          ],
        },
      ],
    },
  })
  async read(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<unknown> {
    const requests = parseLookupBody(body);
    return this.queryBus.execute(new ReadConfigurationsQuery(user.username, requests));
  }
}
