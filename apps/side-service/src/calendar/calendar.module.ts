import { Module } from '@nestjs/common';
import { GetSecretLinkController } from './commands/get-secret-link/get-secret-link.http.controller';
import { GetSecretLinkHandler } from './commands/get-secret-link/get-secret-link.handler';
import { ExportCalendarController } from './queries/export-calendar/export-calendar.http.controller';
import { ExportCalendarHandler } from './queries/export-calendar/export-calendar.handler';

const httpControllers = [GetSecretLinkController, ExportCalendarController];
const commandHandlers = [GetSecretLinkHandler];
const queryHandlers = [ExportCalendarHandler];

/** Secret links and the ICS export (rest-api.md §5.5). */
@Module({ controllers: httpControllers, providers: [...commandHandlers, ...queryHandlers] })
export class CalendarModule {}
