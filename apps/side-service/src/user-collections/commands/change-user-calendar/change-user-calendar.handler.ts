import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavCalendarsClient, DavSharingClient } from '@app/dav-client';
import { CollectionOwners } from '../../collection-owner';
import { UserCalendarNotFoundError } from '../../user-collections.errors';
import { ChangeUserCalendarCommand } from './change-user-calendar.command';

@CommandHandler(ChangeUserCalendarCommand)
export class ChangeUserCalendarHandler implements ICommandHandler<ChangeUserCalendarCommand> {
  constructor(
    private readonly owners: CollectionOwners,
    private readonly calendars: DavCalendarsClient,
    private readonly sharing: DavSharingClient,
  ) {}

  async execute({ username, calendarId, change }: ChangeUserCalendarCommand): Promise<void> {
    const { user, identity } = await this.owners.resolve(username);
    if (!(await this.calendars.calendarExists(identity, user.id, calendarId)))
      throw new UserCalendarNotFoundError();
    switch (change.kind) {
      case 'delete':
        return this.calendars.deleteCalendar(identity, user.id, calendarId);
      case 'properties':
        return this.calendars.updateCalendar(identity, user.id, calendarId, change.properties);
      case 'public-right':
        return this.sharing.setPublicRight(identity, user.id, calendarId, change.privilege);
      case 'share':
        if ((await this.sharing.share(identity, user.id, calendarId, change.update)) === 'not-found')
          throw new UserCalendarNotFoundError();
    }
  }
}
