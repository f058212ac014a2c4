import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DavClient, DavIdentity, DavItipClient } from '@app/dav-client';
import { ITIP_LOCAL_DELIVERY_EXCHANGE, MessagePublisher, NOTIFICATION_EMAIL_EXCHANGE } from '@app/messaging';
import { stripAddress, validAddress, VCalendar } from '@app/ical';
import { highestSequence, itipSkipReason } from '../../itip/itip-skip-rules';
import { buildNotifications } from '../../itip/notification-builder';
import { DeliveryLedger } from '../../local-delivery/delivery-ledger';
import { deliveryKey } from '../../local-delivery/local-delivery-message';
import { LocalDeliveryMessage } from '@app/messaging';
import { DEFERRED, ItipOrdering } from '../../ordering/itip-ordering';
import { ItipRecipient, RecipientResolver } from '../../recipients/recipient-resolver';
import { DeliverItipMessageCommand, DeliveryOutcome } from './deliver-itip-message.command';

/**
 * One recipient of an iTIP message (events.md §3.1): skip rules, `POST /itip` as the recipient when local (not for
 * COUNTER), then — unless the recipient is a resource — the notifications of §3.2 with the recipient's event path.
 * Idempotent per message and recipient; runs in the order of its UID.
 */
@CommandHandler(DeliverItipMessageCommand)
export class DeliverItipMessageHandler implements ICommandHandler<DeliverItipMessageCommand> {
  private readonly logger = new Logger(DeliverItipMessageHandler.name);

  constructor(
    private readonly ordering: ItipOrdering,
    private readonly ledger: DeliveryLedger,
    private readonly recipients: RecipientResolver,
    private readonly itip: DavItipClient,
    private readonly dav: DavClient,
    private readonly publisher: MessagePublisher,
  ) {}

  async execute({ message }: DeliverItipMessageCommand): Promise<DeliveryOutcome> {
    const raw = message.recipients[0] ?? '';
    const key = deliveryKey(message, raw);
    const outcome = await this.ordering.single(message.uid, key, () => this.deliver(message, raw, key));
    if (outcome !== DEFERRED) return outcome;
    await this.publisher.publish(ITIP_LOCAL_DELIVERY_EXCHANGE, '', { ...message.body });
    return 'deferred';
  }

  private async deliver(message: LocalDeliveryMessage, raw: string, key: string): Promise<DeliveryOutcome> {
    const recipient = validAddress(raw);
    if (!recipient) {
      this.logger.warn(
        `${message.method} ${message.uid}: recipient ${JSON.stringify(raw)} is not an address`,
      );
      return 'invalid-recipient';
    }
    const ical = VCalendar.parse(message.message, 'message');
    const old = message.oldMessage ? VCalendar.parse(message.oldMessage, 'oldMessage') : undefined;
    const skip = itipSkipReason(message.method, message.sender, ical, old);
    if (skip) {
      this.logger.debug(`${message.method} ${message.uid} to ${recipient} skipped: ${skip}`);
      return 'skipped';
    }
    const [claimed, resolved] = await Promise.allSettled([
      this.ledger.claim(key),
      this.recipients.resolve(recipient),
    ]);
    if (claimed.status === 'rejected') throw claimed.reason;
    if (claimed.value.state === 'done') return 'duplicate';
    try {
      if (resolved.status === 'rejected') throw resolved.reason;
      await this.process(message, recipient, resolved.value, ical, old, key, claimed.value.itipDelivered);
      await this.ledger.complete(key);
      return 'processed';
    } catch (error) {
      await this.ledger.release(key).catch(() => undefined);
      throw error;
    }
  }

  private async process(
    message: LocalDeliveryMessage,
    recipient: string,
    target: ItipRecipient,
    ical: VCalendar,
    old: VCalendar | undefined,
    key: string,
    itipDelivered: boolean,
  ): Promise<void> {
    const sender = stripAddress(message.sender);
    let local = target.kind !== 'external';
    let marked: Promise<void> = Promise.resolve();
    if (local && message.method !== 'COUNTER' && !itipDelivered) {
      const sequence = highestSequence(ical);
      const outcome = await this.itip.deliver({
        uid: message.uid,
        sender,
        recipient,
        ical: message.message,
        method: message.method,
        ...(sequence !== undefined ? { sequence } : {}),
      });
      if (outcome === 'undeliverable') {
        this.logger.warn(
          `${message.method} ${message.uid}: the DAV server does not deliver to ${recipient} (400)`,
        );
        local = false;
      }
      marked = this.ledger.markItipDelivered(key);
    }
    if (target.kind === 'resource') return marked;
    const fallback = message.calendarId
      ? `/calendars/${message.calendarId}/${message.calendarId}/${message.uid}.ics`
      : '';
    const [found] = await Promise.all([
      local ? this.eventPathOf(target, recipient, message.uid) : undefined,
      marked,
    ]);
    const eventPath = found || fallback;
    const notifications = buildNotifications({
      sender,
      recipient,
      method: message.method,
      calendarId: message.calendarId,
      eventPath,
      message: ical,
      oldMessage: old,
      nowMs: Date.now(),
    });
    await Promise.all(
      notifications.map((notification) =>
        this.publisher.publish(NOTIFICATION_EMAIL_EXCHANGE, '', notification),
      ),
    );
  }

  /** The recipient's copy (`REPORT /calendars/{id}.json {"uid"}` as the recipient); nothing on any failure. */
  private async eventPathOf(
    target: ItipRecipient,
    recipient: string,
    uid: string,
  ): Promise<string | undefined> {
    if (target.kind !== 'user') return undefined;
    try {
      return (await this.dav.findEventByUid(DavIdentity.user(recipient), target.id, uid))?.href;
    } catch (error) {
      this.logger.warn(`event path of ${uid} for ${recipient} not found: ${(error as Error).message}`);
      return undefined;
    }
  }
}
