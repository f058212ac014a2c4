import { Module } from '@nestjs/common';
import { CreateTeamCalendarHandler } from './commands/create-team-calendar/create-team-calendar.handler';
import { DeleteTeamCalendarHandler } from './commands/delete-team-calendar/delete-team-calendar.handler';
import { RenameTeamCalendarHandler } from './commands/rename-team-calendar/rename-team-calendar.handler';
import { UpdateTeamCalendarMembersHandler } from './commands/update-team-calendar-members/update-team-calendar-members.handler';
import { GetDomainTeamCalendarHandler } from './queries/get-domain-team-calendar/get-domain-team-calendar.handler';
import { GetTeamCalendarController } from './queries/get-team-calendar/get-team-calendar.http.controller';
import { GetTeamCalendarHandler } from './queries/get-team-calendar/get-team-calendar.handler';
import { ListTeamCalendarMembersHandler } from './queries/list-team-calendar-members/list-team-calendar-members.handler';
import { ListTeamCalendarsHandler } from './queries/list-team-calendars/list-team-calendars.handler';

const commandHandlers = [
  CreateTeamCalendarHandler,
  RenameTeamCalendarHandler,
  DeleteTeamCalendarHandler,
  UpdateTeamCalendarMembersHandler,
];
const queryHandlers = [
  GetTeamCalendarHandler,
  ListTeamCalendarsHandler,
  GetDomainTeamCalendarHandler,
  ListTeamCalendarMembersHandler,
];

/** Team calendars as the SPAs read them (rest-api.md §6.3), administered through the webadmin (webadmin.md §9). */
@Module({ controllers: [GetTeamCalendarController], providers: [...commandHandlers, ...queryHandlers] })
export class TeamCalendarsModule {}
