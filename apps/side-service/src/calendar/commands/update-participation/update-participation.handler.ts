import { ConfigService } from '@nestjs/config';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UserJwtService } from '@app/auth';
import type { AllConfig } from '@app/config';
import { NotFoundError } from '@app/core';
import { DavClient, DavEventUpdater, DavIdentity, attendeePartstatPatch } from '@app/dav-client';
import { UserRepository } from '@app/persistence';
import { ParticipationLocale } from './participation-locale';
import {
  InvalidParticipationTokenError,
  PARTICIPATION_ACTIONS,
  PARTSTAT_OF,
  ParticipationClaims,
  participationClaims,
} from './participation-token';
import {
  ParticipationLinks,
  ParticipationResult,
  UpdateParticipationCommand,
} from './update-participation.command';

/**
 * rest-api.md §5.9 / dav.md §5.2: as the attendee when it is a known user, else as the organizer, find the event by
 * UID in the token's calendar home, set the attendee's PARTSTAT (If-Match, retried on concurrent changes), and
 * answer the updated event with fresh links for the three answers.
 */
@CommandHandler(UpdateParticipationCommand)
export class UpdateParticipationHandler implements ICommandHandler<UpdateParticipationCommand> {
  constructor(
    private readonly jwt: UserJwtService,
    private readonly users: UserRepository,
    private readonly dav: DavClient,
    private readonly updater: DavEventUpdater,
    private readonly locale: ParticipationLocale,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async execute(command: UpdateParticipationCommand): Promise<ParticipationResult> {
    const claims = await this.verify(command.jwt);
    const attendee = await this.users.findByEmail(claims.attendeeEmail);
    const identity = DavIdentity.user(attendee ? claims.attendeeEmail : claims.organizerEmail);

    const found = await this.dav.findEventByUid(identity, claims.calendarURI, claims.uid);
    if (!found) throw new NotFoundError('Event not found', claims.uid);
    const patch = attendeePartstatPatch(claims.attendeeEmail, PARTSTAT_OF[claims.action]);
    if ((await this.updater.update(identity, found.href, patch)) === 'not-found')
      throw new NotFoundError('Event not found', claims.uid);

    const updated = await this.dav.findEventByUid(identity, claims.calendarURI, claims.uid);
    if (!updated?.item.data) throw new NotFoundError('Event not found', claims.uid);
    return {
      eventJSON: updated.item.data,
      attendeeEmail: claims.attendeeEmail,
      locale: await this.locale.of(attendee, claims.organizerEmail),
      links: await this.links(claims),
    };
  }

  private async verify(token: string): Promise<ParticipationClaims> {
    if (!token.trim()) throw new InvalidParticipationTokenError('missing');
    const payload = await this.jwt.verify(token).catch((error: unknown) => {
      throw new InvalidParticipationTokenError(String(error));
    });
    return participationClaims(payload);
  }

  /** Tokens with `iat` and no `exp`; a `jti` makes each call's links different. */
  private async links(claims: ParticipationClaims): Promise<ParticipationLinks> {
    const base = `${this.config.get('app', { infer: true }).spaExcalUrl.replace(/\/+$/, '')}/excal/?jwt=`;
    const [yes, no, maybe] = await Promise.all(
      PARTICIPATION_ACTIONS.map(
        async (action) =>
          `${base}${await this.jwt.signWithoutExpiry({
            attendeeEmail: claims.attendeeEmail,
            organizerEmail: claims.organizerEmail,
            uid: claims.uid,
            calendarURI: claims.calendarURI,
            action,
            jti: randomUUID(),
          })}`,
      ),
    );
    return { yes: yes!, no: no!, maybe: maybe! };
  }
}
