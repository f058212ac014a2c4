import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavTeamCalendarsClient } from '@app/dav-client';
import { TeamCalendar, TeamCalendarRepository } from '@app/persistence';
import { TeamCalendarNotFoundError } from '../../team-calendars.errors';
import { RenameTeamCalendarCommand } from './rename-team-calendar.command';

@CommandHandler(RenameTeamCalendarCommand)
export class RenameTeamCalendarHandler implements ICommandHandler<RenameTeamCalendarCommand> {
  constructor(
    private readonly calendars: TeamCalendarRepository,
    private readonly dav: DavTeamCalendarsClient,
  ) {}

  async execute({ domain, id, displayName }: RenameTeamCalendarCommand): Promise<TeamCalendar> {
    const calendar = await this.calendars.findById(id);
    if (!calendar || calendar.domainId !== domain.id) throw new TeamCalendarNotFoundError();
    // Gone from the DAV server while we renamed it (a concurrent deletion): not found, as the deletion will leave it.
    if (!(await this.dav.rename(domain.id, id, displayName))) throw new TeamCalendarNotFoundError();
    const updated = await this.calendars.updateDisplayName(id, displayName);
    if (!updated) throw new TeamCalendarNotFoundError();
    return updated;
  }
}
