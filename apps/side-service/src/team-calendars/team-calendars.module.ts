import { Module } from '@nestjs/common';
import { GetTeamCalendarController } from './queries/get-team-calendar/get-team-calendar.http.controller';
import { GetTeamCalendarHandler } from './queries/get-team-calendar/get-team-calendar.handler';

/** Team calendars as the SPAs read them (rest-api.md §6.3); created through the webadmin. */
@Module({ controllers: [GetTeamCalendarController], providers: [GetTeamCalendarHandler] })
export class TeamCalendarsModule {}
