import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiMovedPermanentlyResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedGuard } from '@app/auth';
import type { AllConfig } from '@app/config';
import { CACHE_ONE_DAY, sendJson } from '../../../openpaas/rest-json';

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
  theme(@Res() response: Response): void {
    sendJson(
      response,
      { logos: {}, colors: {} },
      {
        contentType: 'application/json',
        headers: { 'Cache-Control': CACHE_ONE_DAY },
      },
    );
  }

  @Get(':domainId/logo')
  @ApiOperation({ summary: 'The logo of a domain: a redirect to the calendar SPA logo' })
  @ApiMovedPermanentlyResponse({
    description: 'Location: {spa.calendar.url}/calendar/assets/images/white-logo.svg',
  })
  logo(@Res() response: Response): void {
    response.status(301).setHeader('Location', this.logoUrl).setHeader('Cache-Control', CACHE_ONE_DAY).end();
  }
}
