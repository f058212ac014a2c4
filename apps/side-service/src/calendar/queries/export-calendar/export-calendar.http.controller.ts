import { Controller, Get, Logger, Param, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/core';
import { RestError } from '../../../http/rest-error';
import { ExportCalendarQuery } from './export-calendar.query';
import { ExportCalendarRequestDto } from './export-calendar.request';

/** Public: the token is the credential. */
@ApiTags('Calendars')
@Controller('api/calendars')
export class ExportCalendarController {
  private readonly logger = new Logger(ExportCalendarController.name);

  constructor(private readonly queryBus: QueryBus) {}

  @Get(':calendarHomeId/:calendarId/calendar.ics')
  @ApiOperation({ summary: 'Download a calendar as ICS with its secret-link token' })
  async export(
    @Param('calendarHomeId') calendarHomeId: string,
    @Param('calendarId') calendarId: string,
    @Query() { token }: ExportCalendarRequestDto,
  ): Promise<StreamableFile> {
    // A missing token is an unknown one (403); a present but malformed one is a 400.
    if (token === undefined) throw new RestError(403, 'Token validation failed');
    let body;
    try {
      body = await this.queryBus.execute(new ExportCalendarQuery(calendarHomeId, calendarId, token));
    } catch (error) {
      throw this.restError(error);
    }
    const headers = {
      type: 'text/calendar; charset=utf-8',
      disposition: 'attachment; filename=calendar.ics',
    };
    const file = body ? new StreamableFile(body, headers) : new StreamableFile(Buffer.alloc(0), headers);
    // A DAV stream failing midway: the truncated answer must not look complete.
    return file.setErrorHandler((error, response) => {
      this.logger.warn(`calendar export interrupted: ${String(error)}`);
      response.destroy?.();
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
