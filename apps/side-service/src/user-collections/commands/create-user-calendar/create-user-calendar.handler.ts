import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavCalendarsClient } from '@app/dav-client';
import { CollectionOwners } from '../../collection-owner';
import { CreateUserCalendarCommand } from './create-user-calendar.command';

@CommandHandler(CreateUserCalendarCommand)
export class CreateUserCalendarHandler implements ICommandHandler<CreateUserCalendarCommand> {
  constructor(
    private readonly owners: CollectionOwners,
    private readonly dav: DavCalendarsClient,
  ) {}

  async execute({ username, calendar }: CreateUserCalendarCommand): Promise<string> {
    const { user, identity } = await this.owners.resolve(username);
    await this.dav.createCalendar(identity, user.id, calendar);
    return calendar.id;
  }
}
