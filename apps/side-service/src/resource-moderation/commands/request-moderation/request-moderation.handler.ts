import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavEventUpdater, DavIdentity, DavPaths, attendeePartstatPatch } from '@app/dav-client';
import { MailDelivery, RecipientWhitelist } from '@app/mail';
import { MAIL_SENDER_ADDRESS } from '../../../notifications/commands/send-import-report/send-import-report.handler';
import { firstEvent, readEvent } from '@app/ical';
import { MailContexts } from '../../../notifications/mails/mail-contexts';
import { RecipientLocale } from '../../../notifications/mails/mail-context';
import { MailPeople } from '../../../notifications/people/mail-people';
import { resourceRequestMail } from '../../mails/resource-request.mail';
import { ModeratedResources } from '../../moderation-context';
import { ModerationTokens } from '../../moderation-tokens';
import { ModerationRequestOutcome, RequestModerationCommand } from './request-moderation.command';

/** Resource mails use `en` / UTC when the recipient's settings do not resolve (mail.md §7.2). */
export const UNRESOLVED_LOCALE: RecipientLocale = { language: 'en', timeZone: 'UTC' };

/**
 * events.md §3.4 `created`, mail.md §3.7: without administrators, or when the organizer is one, the resource
 * accepts by itself (its PARTSTAT set to ACCEPTED on its copy, as the domain's technical user); otherwise each
 * whitelisted administrator gets the request with signed accept/decline links.
 */
@CommandHandler(RequestModerationCommand)
export class RequestModerationHandler implements ICommandHandler<RequestModerationCommand> {
  private readonly logger = new Logger(RequestModerationHandler.name);

  constructor(
    private readonly moderated: ModeratedResources,
    private readonly updater: DavEventUpdater,
    private readonly tokens: ModerationTokens,
    private readonly whitelist: RecipientWhitelist,
    private readonly people: MailPeople,
    private readonly contexts: MailContexts,
    private readonly delivery: MailDelivery,
    @Inject(MAIL_SENDER_ADDRESS) private readonly sender: string,
  ) {}

  async execute({ messageKey, message }: RequestModerationCommand): Promise<ModerationRequestOutcome> {
    const found = await this.moderated.find(message.resourceId);
    if (!found) return this.ignored(`resource ${message.resourceId} is unknown or deleted`);
    const event = readEvent(firstEvent(message.calendar.root), message.calendar.root);
    const organizer = event.organizer.email;

    if (found.administrators.length === 0 || found.administrators.includes(organizer)) {
      const href = DavPaths.calendarObject(found.resource.id, found.resource.id, message.eventId);
      const outcome = await this.updater.update(
        DavIdentity.technical(found.resource.domainId),
        href,
        attendeePartstatPatch(found.address, 'ACCEPTED'),
      );
      if (outcome === 'not-found') return this.ignored(`the resource copy ${href} is gone`);
      this.logger.log(`resource ${found.resource.id} accepted ${event.uid} by itself (${outcome})`);
      return { outcome: outcome === 'updated' ? 'auto-accepted' : 'already-accepted' };
    }
    if (!organizer) return this.ignored(`event ${event.uid} has no organizer`);

    const links = await this.tokens.links({ resourceId: found.resource.id, eventId: message.eventId });
    let mails = 0;
    for (const administrator of found.administrators.filter((admin) => this.whitelist.allows(admin))) {
      const delivery = await this.delivery.deliver(
        `resource-request:${messageKey}:${administrator}`,
        administrator,
        async () => {
          const locale = (await this.people.person(administrator)).locale ?? UNRESOLVED_LOCALE;
          const rendered = resourceRequestMail(this.contexts.for('resource-request', locale), {
            event,
            resourceName: found.resource.name,
            acceptUrl: links.ACCEPTED,
            declineUrl: links.DECLINED,
          });
          return {
            from: await this.people.address(this.sender),
            to: await this.people.address(administrator),
            ...rendered,
            language: locale.language,
          };
        },
      );
      if (delivery === 'sent') mails++;
    }
    this.logger.log(
      `resource ${found.resource.id}: moderation of ${event.uid} asked (${mails} mail(s) sent)`,
    );
    return { outcome: 'requested', mails };
  }

  private ignored(reason: string): ModerationRequestOutcome {
    this.logger.log(`no moderation: ${reason}`);
    return { outcome: 'ignored', reason };
  }
}
