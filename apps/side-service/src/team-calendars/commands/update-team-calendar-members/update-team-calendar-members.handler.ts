import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavIdentity, DavSharingClient } from '@app/dav-client';
import { TeamCalendarRepository, UserRepository } from '@app/persistence';
import {
  CandidateMemberNotFoundError,
  MemberOutsideDomainError,
  TeamCalendarNotFoundError,
} from '../../team-calendars.errors';
import { UpdateTeamCalendarMembersCommand } from './update-team-calendar-members.command';

@CommandHandler(UpdateTeamCalendarMembersCommand)
export class UpdateTeamCalendarMembersHandler implements ICommandHandler<UpdateTeamCalendarMembersCommand> {
  constructor(
    private readonly calendars: TeamCalendarRepository,
    private readonly users: UserRepository,
    private readonly sharing: DavSharingClient,
  ) {}

  async execute({ domain, id, update }: UpdateTeamCalendarMembersCommand): Promise<void> {
    const calendar = await this.calendars.findById(id);
    if (!calendar || calendar.domainId !== domain.id) throw new TeamCalendarNotFoundError(id);
    for (const { email } of update.set) {
      const user = await this.users.findByEmail(email);
      if (!user) throw new CandidateMemberNotFoundError(email);
      if (user.domainId !== domain.id) throw new MemberOutsideDomainError(domain.name);
    }
    const outcome = await this.sharing.share(DavIdentity.technical(domain.id), id, id, update);
    if (outcome === 'not-found') throw new TeamCalendarNotFoundError(id);
  }
}
