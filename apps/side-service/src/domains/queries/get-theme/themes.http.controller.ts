import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiMovedPermanentlyResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedGuard } from '@app/auth';
import type { AllConfig } from '@app/config';
import { JsonContentType, RedirectTo } from '../../../http/json-response.interceptor';
import { CACHE_ONE_DAY } from '../../../openpaas/rest-json';

/** Domains have no theme of their own: the same empty theme and the calendar SPA's logo for any id. */
@ApiTags('Domains')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('api/themes')
@UseGuards(AuthenticatedGuard)
export class ThemesController {
  private readonly logoUrl: string;

  constructor(config: ConfigService<AllConfig, true>) {
    const spa = config.get('app', { infer: true }).spaCalendarUrl.replace(/\/+$/, '');
    this.logoUrl = `${spa}/calendar/assets/images/white-logo.svg`;
  }

  @Get(':domainId')
  @ApiOperation({ summary: 'The theme of a domain: always empty' })
  @ApiOkResponse({ schema: { example: { logos: {}, colors: {} } } })
  @JsonContentType('application/json')
  @Header('Cache-Control', CACHE_ONE_DAY)
  theme(): object {
    return { logos: {}, colors: {} };
  }

  @Get(':domainId/logo')
  @ApiOperation({ summary: 'The logo of a domain: a redirect to the calendar SPA logo' })
  @ApiMovedPermanentlyResponse({
    description: 'Location: {spa.calendar.url}/calendar/assets/images/white-logo.svg',
  })
  @Header('Cache-Control', CACHE_ONE_DAY)
  logo(): RedirectTo {
    return new RedirectTo(this.logoUrl, 301);
  }
}
