import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DomainError, ErrorCode } from '@app/core';
import { RestError } from '../../../http/rest-error';
import { ExportCalendarQuery } from './export-calendar.query';

/** Public: the token is the credential. */
@ApiTags('Calendars')
@Controller('api/calendars')
export class ExportCalendarController {
  private readonly logger = new Logger(ExportCalendarController.name);

  constructor(private readonly queryBus: QueryBus) {}

  @Get(':calendarHomeId/:calendarId/calendar.ics')
  @ApiOperation({ summary: 'Download a calendar as ICS with its secret-link token' })
  @ApiQuery({ name: 'token', required: true })
  async export(
    @Param('calendarHomeId') calendarHomeId: string,
    @Param('calendarId') calendarId: string,
    @Query('token') token: unknown,
    @Res() response: Response,
  ): Promise<void> {
    // A missing token is an unknown one (403); a present but malformed one is a 400.
    if (typeof token !== 'string') throw new RestError(403, 'Token validation failed');
    let body;
    try {
      body = await this.queryBus.execute(new ExportCalendarQuery(calendarHomeId, calendarId, token));
    } catch (error) {
      throw this.restError(error);
    }
    response.status(200);
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename=calendar.ics');
    if (!body) return void response.end();
    await pipeline(body, response).catch((error: unknown) => {
      this.logger.warn(`calendar export interrupted: ${String(error)}`);
      response.destroy();
    });
  }

  private restError(error: unknown): unknown {
    if (!(error instanceof DomainError)) return error;
    switch (error.code) {
      case ErrorCode.InvalidArgument:
        return new RestError(400, error.details ?? error.message);
      case ErrorCode.Forbidden:
        return new RestError(403, error.message);
      case ErrorCode.NotFound:
        return RestError.notFound(error.message);
      case ErrorCode.UpstreamFailure:
        this.logger.error(error.message);
        return new RestError(503, 'Service Unavailable');
      default:
        return error;
    }
  }
}
