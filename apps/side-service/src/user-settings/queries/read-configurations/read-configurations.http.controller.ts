import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBasicAuth, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { JsonContentType } from '../../../http/json-response.interceptor';
import { ArrayBody } from '../../../http/validation/array-body';
import { ModuleKeysRequestDto, toModuleKeys } from '../../settings-body';
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
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @ArrayBody(ModuleKeysRequestDto) body: ModuleKeysRequestDto[],
  ): Promise<unknown> {
    const requests = toModuleKeys(body);
    return this.queryBus.execute(new ReadConfigurationsQuery(user.username, requests));
  }
}
