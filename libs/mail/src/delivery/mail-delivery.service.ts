import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/core';
import { MailDeliveryRepository } from '@app/persistence';
import { DeliveryClaims } from './delivery-claims';
import { MailSender } from './mail-sender';
import { OutgoingMail } from './outgoing-mail';
import { RecipientWhitelist } from './recipient-whitelist';
import { SentMailRecorder } from './sent-mail-recorder';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'not-whitelisted';

/** Another consumer is sending the same mail right now; try again later. */
export class MailDeliveryInProgressError extends DomainError {
  constructor(key: string) {
    super(ErrorCode.WrongState, 'The same mail is being sent by another consumer', key);
  }
}

/**
 * Sends a mail at most once per idempotency key (message + recipient): the key is claimed in MongoDB before the
 * mail is handed over, recorded as sent afterwards (in batches), and released when sending failed. The whitelist is checked
 * here too, for every mail (mail.md §6).
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger(MailDelivery.name);

  constructor(
    private readonly sender: MailSender,
    private readonly claims: DeliveryClaims,
    private readonly deliveries: MailDeliveryRepository,
    private readonly whitelist: RecipientWhitelist,
    private readonly recorder: SentMailRecorder,
  ) {}

  /**
   * Sends the mail `build` renders, unless it was sent already under `key`. The key is claimed while the mail is
   * being rendered and the delivery prepared (an SMTP session opened): these wait on I/O side by side.
   */
  async deliver(
    key: string,
    recipient: string,
    build: () => Promise<OutgoingMail>,
  ): Promise<DeliveryOutcome> {
    if (!this.whitelist.allows(recipient)) {
      this.logger.debug(`mail to ${recipient} dropped: not in the recipient whitelist`);
      return 'not-whitelisted';
    }
    const prepared = this.sender.prepare();
    const [claim, mail] = await Promise.allSettled([this.claims.claim(key), build()]);
    if (claim.status === 'rejected' || claim.value !== 'claimed') prepared.abandon();
    if (claim.status === 'rejected') throw claim.reason;
    if (claim.value === 'already-sent') {
      this.logger.debug(`mail ${key} already sent: not sent again`);
      return 'already-sent';
    }
    if (claim.value === 'in-progress') throw new MailDeliveryInProgressError(key);
    try {
      if (mail.status === 'rejected') throw mail.reason;
      await prepared.send(mail.value);
    } catch (error) {
      prepared.abandon();
      await this.deliveries.release(key).catch(() => undefined);
      throw error;
    }
    this.recorder.record(key);
    return 'sent';
  }
}
