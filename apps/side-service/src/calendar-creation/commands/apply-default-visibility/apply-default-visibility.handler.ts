import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { InvalidArgumentError } from '@app/core';
import { DavIdentity, DavSharingClient } from '@app/dav-client';
import { DomainRepository, UserRepository } from '@app/persistence';
import { GetDomainSettingsQuery } from '../../../domain-settings/queries/get-domain-settings/get-domain-settings.query';
import { calendarIdsOf } from '../send-delegation-mail/send-delegation-mail.handler';
import { ApplyDefaultVisibilityCommand, DefaultVisibilityOutcome } from './apply-default-visibility.command';

/**
 * events.md §3.5 (default visibility): when the new calendar is the default calendar of a local user (home id =
 * calendar id = user id) and the domain's `defaultCalendarPublicVisibility` resolves to `read`, the calendar is made
 * readable by everyone, as its owner. A path that is not `/calendars/{home}/{calendar}` is an invalid message.
 */
@CommandHandler(ApplyDefaultVisibilityCommand)
export class ApplyDefaultVisibilityHandler implements ICommandHandler<ApplyDefaultVisibilityCommand> {
  private readonly logger = new Logger(ApplyDefaultVisibilityHandler.name);

  constructor(
    private readonly users: UserRepository,
    private readonly domains: DomainRepository,
    private readonly queryBus: QueryBus,
    private readonly sharing: DavSharingClient,
  ) {}

  async execute({ message }: ApplyDefaultVisibilityCommand): Promise<DefaultVisibilityOutcome> {
    const ids = calendarIdsOf(message.calendarPath);
    if (!ids) throw new InvalidArgumentError('Invalid calendarPath', message.calendarPath);
    if (ids.homeId !== ids.calendarId) return 'unchanged';
    const user = await this.users.findById(ids.homeId);
    const domain = user?.domainId ? await this.domains.findById(user.domainId) : undefined;
    if (!user || !domain) return 'unchanged';
    const settings = await this.queryBus.execute(new GetDomainSettingsQuery(domain.name));
    if (settings.defaultCalendarPublicVisibility !== 'read') return 'unchanged';
    await this.sharing.setPublicRight(DavIdentity.user(user.email), ids.homeId, ids.calendarId, '{DAV:}read');
    this.logger.log(`default calendar of ${user.email} made public (${domain.name} default visibility)`);
    return 'made-public';
  }
}
