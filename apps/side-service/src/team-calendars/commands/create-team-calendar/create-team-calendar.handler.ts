import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavTeamCalendarsClient } from '@app/dav-client';
import { TeamCalendar, TeamCalendarRepository } from '@app/persistence';
import { CreateTeamCalendarCommand } from './create-team-calendar.command';

@CommandHandler(CreateTeamCalendarCommand)
export class CreateTeamCalendarHandler implements ICommandHandler<CreateTeamCalendarCommand> {
  constructor(
    private readonly calendars: TeamCalendarRepository,
    private readonly dav: DavTeamCalendarsClient,
  ) {}

  /** A DAV failure is thrown after the insert: the stored entity stays (as the original). */
  async execute({ domain, name, displayName }: CreateTeamCalendarCommand): Promise<TeamCalendar> {
    const calendar = await this.calendars.create({
      domainId: domain.id,
      domainName: domain.name,
      name,
      displayName,
    });
    await this.dav.provision(domain.id, calendar.id);
    await this.dav.rename(domain.id, calendar.id, displayName.trim() || name);
    return calendar;
  }
}
