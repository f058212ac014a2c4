import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { timed } from '@app/observability';
import { ItipMethod, MailDelivery, OutgoingMail, RecipientWhitelist } from '@app/mail';
import { InvalidMessageError } from '@app/messaging';
import { firstEvent, parseIcs, withMethod, EventData, readEvent } from '@app/ical';
import { cancellationMail } from '../../mails/cancellation.mail';
import { counterMail } from '../../mails/counter.mail';
import { displayName } from '../../mails/event-blocks';
import { invitationMail } from '../../mails/invitation.mail';
import { MailContexts } from '../../mails/mail-contexts';
import { RecipientLocale, RenderedMail } from '../../mails/mail-context';
import { replyMail } from '../../mails/reply.mail';
import { updateMail } from '../../mails/update.mail';
import { NotificationMetrics } from '../../notification-metrics';
import { MailPeople } from '../../people/mail-people';
import { ParticipationLinks } from '../../people/participation-links';
import {
  NotificationMailKind,
  NotificationOutcome,
  SendEventNotificationCommand,
} from './send-event-notification.command';

const TEMPLATES: Record<NotificationMailKind, string> = {
  invite: 'event-invite',
  update: 'event-update',
  cancel: 'event-cancel',
  reply: 'event-reply',
  counter: 'event-counter',
};
const METHODS: Record<NotificationMailKind, ItipMethod> = {
  invite: 'REQUEST',
  update: 'REQUEST',
  cancel: 'CANCEL',
  reply: 'REPLY',
  counter: 'COUNTER',
};
/** When neither the recipient nor the sender resolves (mail.md §7.2). */
const FALLBACK_LOCALE: RecipientLocale = { language: 'en', timeZone: 'UTC' };

interface Dispatch {
  kind: NotificationMailKind;
  event: EventData;
}

/** Turns one iMIP notification into at most one mail, sent once (events.md §3.3, mail.md §3.1–3.5, §4). */
@CommandHandler(SendEventNotificationCommand)
export class SendEventNotificationHandler implements ICommandHandler<SendEventNotificationCommand> {
  private readonly logger = new Logger(SendEventNotificationHandler.name);

  constructor(
    private readonly whitelist: RecipientWhitelist,
    private readonly people: MailPeople,
    private readonly contexts: MailContexts,
    private readonly links: ParticipationLinks,
    private readonly delivery: MailDelivery,
    private readonly metrics: NotificationMetrics,
  ) {}

  execute(command: SendEventNotificationCommand): Promise<NotificationOutcome> {
    return timed(this.metrics.duration, () => this.process(command));
  }

  private async process({
    messageKey,
    notification,
  }: SendEventNotificationCommand): Promise<NotificationOutcome> {
    const { method, recipientEmail, senderEmail, eventPath } = notification;
    this.logger.log(`iMIP ${method} for ${eventPath || '(no path)'}`);
    if (!this.whitelist.allows(recipientEmail)) return this.none(`${recipientEmail} is not in the whitelist`);

    const dispatch = await this.dispatch(notification);
    if ('reason' in dispatch) return this.none(dispatch.reason);

    const build = async (): Promise<OutgoingMail> => {
      const [recipient, sender] = await Promise.all([
        this.people.person(recipientEmail),
        this.people.person(senderEmail),
      ]);
      const locale = recipient.locale ?? sender.locale ?? FALLBACK_LOCALE;
      const context = this.contexts.for(TEMPLATES[dispatch.kind], locale);
      const rendered = await this.render(dispatch, notification, context, Boolean(recipient.user));
      return {
        from: await this.people.address(senderEmail),
        to: await this.people.address(recipientEmail),
        ...rendered,
        language: locale.language,
        calendar: {
          method: METHODS[dispatch.kind],
          ics: withMethod(notification.event, METHODS[dispatch.kind]),
        },
        autoSubmitted: dispatch.kind === 'cancel' || dispatch.kind === 'reply',
      };
    };
    const delivery = await this.delivery.deliver(
      `imip:${messageKey}:${recipientEmail}`,
      recipientEmail,
      build,
    );
    if (delivery === 'sent') {
      this.metrics.sent(dispatch.kind);
      this.logger.log(
        `audit IMIP ${dispatch.kind}: sender=${senderEmail} recipient=${recipientEmail} eventPath=${eventPath} eventUid=${dispatch.event.uid}`,
      );
    }
    return { mail: dispatch.kind, delivery };
  }

  private async dispatch(
    notification: SendEventNotificationCommand['notification'],
  ): Promise<Dispatch | { reason: string }> {
    const calendar = parseIcs(notification.event);
    const event = readEvent(firstEvent(calendar), calendar);
    switch (notification.method) {
      case 'REQUEST':
        if (event.publiclyCreated)
          return { reason: 'booking confirmations are not sent by this service yet' };
        if (notification.isNewEvent) return { kind: 'invite', event };
        if (notification.changes) return { kind: 'update', event };
        return { reason: 'REQUEST without isNewEvent nor changes' };
      case 'REPLY':
        if (await this.people.isLocalResource(notification.senderEmail))
          return { reason: `the reply comes from the resource ${notification.senderEmail}` };
        return { kind: 'reply', event };
      case 'CANCEL':
        return { kind: 'cancel', event };
      case 'COUNTER':
        if (!notification.oldEvent) throw new InvalidMessageError('a COUNTER needs oldEvent');
        return { kind: 'counter', event };
      default:
        throw new InvalidMessageError(`unsupported method ${notification.method}`);
    }
  }

  private async render(
    { kind, event }: Dispatch,
    notification: SendEventNotificationCommand['notification'],
    context: ReturnType<MailContexts['for']>,
    internalRecipient: boolean,
  ): Promise<RenderedMail> {
    const answers = async () =>
      event.organizer.email
        ? this.links.answerLinks({
            attendeeEmail: notification.recipientEmail,
            organizerEmail: event.organizer.email,
            uid: event.uid,
            eventPath: notification.eventPath,
          })
        : undefined;
    switch (kind) {
      case 'invite':
        return invitationMail(context, { event, internalRecipient, answers: await answers() });
      case 'update':
        return updateMail(context, {
          event,
          internalRecipient,
          answers: await answers(),
          changes: notification.changes ?? {},
        });
      case 'cancel':
        return cancellationMail(context, { event, internalRecipient });
      case 'reply': {
        const replier = event.attendees[0] ?? event.resources[0];
        if (!replier?.partstat) throw new InvalidMessageError('the reply has no attendee with a PARTSTAT');
        const sender = await this.people.person(notification.senderEmail);
        return replyMail(context, {
          event,
          replier,
          participantName: replier.cn || sender.fullName || replier.email,
        });
      }
      case 'counter': {
        const oldCalendar = parseIcs(notification.oldEvent!);
        const current = readEvent(firstEvent(oldCalendar), oldCalendar);
        const editor = [...current.attendees, ...current.resources].find(
          (a) => a.email === notification.senderEmail,
        );
        return counterMail(context, {
          proposal: event,
          current,
          editorName: editor ? displayName(editor) : notification.senderEmail,
        });
      }
    }
  }

  private none(reason: string): NotificationOutcome {
    this.logger.debug(`no mail: ${reason}`);
    return { mail: 'none', reason };
  }
}
