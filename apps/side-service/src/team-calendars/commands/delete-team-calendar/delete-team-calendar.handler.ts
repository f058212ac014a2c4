import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavTeamCalendarsClient } from '@app/dav-client';
import { TeamCalendarRepository } from '@app/persistence';
import { DeleteTeamCalendarCommand } from './delete-team-calendar.command';

@CommandHandler(DeleteTeamCalendarCommand)
export class DeleteTeamCalendarHandler implements ICommandHandler<DeleteTeamCalendarCommand> {
  constructor(
    private readonly calendars: TeamCalendarRepository,
    private readonly dav: DavTeamCalendarsClient,
  ) {}

  async execute({ domain, id }: DeleteTeamCalendarCommand): Promise<void> {
    const calendar = await this.calendars.findById(id);
    if (!calendar || calendar.domainId !== domain.id) return;
    await this.dav.deleteHome(domain.id, id);
    await this.calendars.delete(id);
  }
}
