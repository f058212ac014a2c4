import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidArgumentError, NotFoundError } from '@app/core';
import { DavEventUpdater, DavIdentity, DavPaths, attendeePartstatPatch } from '@app/dav-client';
import { DomainRepository, ResourceRepository } from '@app/persistence';
import { ModerationStatus, ModerationTokens } from '../../moderation-tokens';
import { DecideParticipationCommand, ParticipationDecision } from './decide-participation.command';

const STATUSES: readonly string[] = ['ACCEPTED', 'DECLINED'];

/**
 * rest-api.md §6.4, dav.md §5.5: checks the parameters, then the token (signature, expiry, that it names this very
 * resource and event), then runs the modify-event flow on `/calendars/{id}/{id}/{eventPathId}.ics` as the resource
 * domain's technical user. The DAV server then sends the resource's reply to the organizer.
 */
@CommandHandler(DecideParticipationCommand)
export class DecideParticipationHandler implements ICommandHandler<DecideParticipationCommand> {
  private readonly logger = new Logger(DecideParticipationHandler.name);

  constructor(
    private readonly tokens: ModerationTokens,
    private readonly resources: ResourceRepository,
    private readonly domains: DomainRepository,
    private readonly updater: DavEventUpdater,
  ) {}

  async execute(command: DecideParticipationCommand): Promise<ParticipationDecision> {
    if (!STATUSES.includes(command.status))
      throw new InvalidArgumentError(
        'Invalid status',
        `status must be ACCEPTED or DECLINED, not '${command.status}'`,
      );
    if (command.referrer.toLowerCase() !== 'email')
      throw new InvalidArgumentError(
        'Invalid referrer',
        `referrer must be 'email', not '${command.referrer}'`,
      );
    await this.tokens.verify(command.jwt, { resourceId: command.resourceId, eventId: command.eventPathId });

    const resource = await this.resources.findById(command.resourceId);
    const domain = resource && !resource.deleted ? await this.domains.findById(resource.domainId) : undefined;
    if (!resource || !domain) throw new NotFoundError('Resource not found', command.resourceId);
    const href = DavPaths.calendarObject(resource.id, resource.id, command.eventPathId);
    const outcome = await this.updater.update(
      DavIdentity.technical(resource.domainId),
      href,
      attendeePartstatPatch(`${resource.id}@${domain.name}`, command.status as ModerationStatus),
    );
    if (outcome === 'not-found') throw new NotFoundError('Event not found', href);
    this.logger.log(`resource ${resource.id}: ${command.status} for ${command.eventPathId} (${outcome})`);
    return outcome;
  }
}
