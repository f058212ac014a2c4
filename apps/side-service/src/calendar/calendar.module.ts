import { Module } from '@nestjs/common';
import { GetSecretLinkController } from './commands/get-secret-link/get-secret-link.http.controller';
import { GetSecretLinkHandler } from './commands/get-secret-link/get-secret-link.handler';
import { ParticipationLocale } from './commands/update-participation/participation-locale';
import { UpdateParticipationController } from './commands/update-participation/update-participation.http.controller';
import { UpdateParticipationHandler } from './commands/update-participation/update-participation.handler';
import { ExportCalendarController } from './queries/export-calendar/export-calendar.http.controller';
import { ExportCalendarHandler } from './queries/export-calendar/export-calendar.handler';

const httpControllers = [GetSecretLinkController, ExportCalendarController, UpdateParticipationController];
const commandHandlers = [GetSecretLinkHandler, UpdateParticipationHandler];
const queryHandlers = [ExportCalendarHandler];

/** Secret links and the ICS export (rest-api.md §5.5), Excal participation (§5.9). */
@Module({
  controllers: httpControllers,
  providers: [...commandHandlers, ...queryHandlers, ParticipationLocale],
})
export class CalendarModule {}
