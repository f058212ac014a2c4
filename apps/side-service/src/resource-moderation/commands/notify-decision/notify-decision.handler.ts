import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MailDelivery, RecipientWhitelist } from '@app/mail';
import { MAIL_SENDER_ADDRESS } from '../../../notifications/commands/send-import-report/send-import-report.handler';
import { firstEvent, readEvent } from '@app/ical';
import { MailContexts } from '../../../notifications/mails/mail-contexts';
import { MailPeople } from '../../../notifications/people/mail-people';
import { resourceReplyMail } from '../../mails/resource-reply.mail';
import { ModeratedResources } from '../../moderation-context';
import { UNRESOLVED_LOCALE } from '../request-moderation/request-moderation.handler';
import { DecisionNotificationOutcome, NotifyDecisionCommand } from './notify-decision.command';

/**
 * events.md §3.4 `accepted` / `declined`, mail.md §3.8: the organizer learns the decision when the resource is
 * moderated (it has administrators), and the organizer is a known, whitelisted user who is not one of them.
 */
@CommandHandler(NotifyDecisionCommand)
export class NotifyDecisionHandler implements ICommandHandler<NotifyDecisionCommand> {
  private readonly logger = new Logger(NotifyDecisionHandler.name);

  constructor(
    private readonly moderated: ModeratedResources,
    private readonly whitelist: RecipientWhitelist,
    private readonly people: MailPeople,
    private readonly contexts: MailContexts,
    private readonly delivery: MailDelivery,
    @Inject(MAIL_SENDER_ADDRESS) private readonly sender: string,
  ) {}

  async execute({
    messageKey,
    approved,
    message,
  }: NotifyDecisionCommand): Promise<DecisionNotificationOutcome> {
    const found = await this.moderated.find(message.resourceId);
    if (!found) return this.ignored(`resource ${message.resourceId} is unknown or deleted`);
    if (found.administrators.length === 0)
      return this.ignored(`resource ${found.resource.id} is not moderated`);
    const event = readEvent(firstEvent(message.calendar.root), message.calendar.root);
    const organizer = event.organizer.email;
    if (!organizer) return this.ignored(`event ${event.uid} has no organizer`);
    if (found.administrators.includes(organizer))
      return this.ignored(`${organizer} administers the resource`);
    if (!this.whitelist.allows(organizer)) return this.ignored(`${organizer} is not in the whitelist`);
    const person = await this.people.person(organizer);
    if (!person.user) return this.ignored(`${organizer} is not a user`);

    const locale = person.locale ?? UNRESOLVED_LOCALE;
    const delivery = await this.delivery.deliver(
      `resource-reply:${messageKey}:${organizer}`,
      organizer,
      async () => ({
        from: await this.people.address(this.sender),
        to: await this.people.address(organizer),
        ...resourceReplyMail(this.contexts.for('resource-reply', locale), {
          event,
          resourceName: found.resource.name,
          approved,
        }),
        language: locale.language,
      }),
    );
    if (delivery === 'not-whitelisted') return this.ignored(`${organizer} is not in the whitelist`);
    this.logger.log(
      `resource ${found.resource.id} ${approved ? 'accepted' : 'declined'} ${event.uid}: organizer ${organizer} told (${delivery})`,
    );
    return { outcome: delivery };
  }

  private ignored(reason: string): DecisionNotificationOutcome {
    this.logger.log(`no decision mail: ${reason}`);
    return { outcome: 'ignored', reason };
  }
}
