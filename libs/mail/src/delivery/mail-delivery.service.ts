import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/core';
import { MailDeliveryRepository } from '@app/persistence';
import { MailSender } from './mail-sender';
import { OutgoingMail } from './outgoing-mail';
import { RecipientWhitelist } from './recipient-whitelist';

export const MAIL_DELIVERY_OPTIONS = Symbol('MAIL_DELIVERY_OPTIONS');
export interface MailDeliveryOptions {
  /** How long a sent mail is remembered. */
  idempotencyTtlMs: number;
  /** How long a claim protects a send in progress. */
  leaseMs: number;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'not-whitelisted';

/** Another consumer is sending the same mail right now; try again later. */
export class MailDeliveryInProgressError extends DomainError {
  constructor(key: string) {
    super(ErrorCode.WrongState, 'The same mail is being sent by another consumer', key);
  }
}

/**
 * Sends a mail at most once per idempotency key (message + recipient): the key is claimed in MongoDB before the
 * mail is handed over, recorded as sent afterwards, and released when sending failed. The whitelist is checked
 * here too, for every mail (mail.md §6).
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger(MailDelivery.name);

  constructor(
    private readonly sender: MailSender,
    private readonly deliveries: MailDeliveryRepository,
    private readonly whitelist: RecipientWhitelist,
    @Inject(MAIL_DELIVERY_OPTIONS) private readonly options: MailDeliveryOptions,
  ) {}

  async deliver(key: string, mail: OutgoingMail): Promise<DeliveryOutcome> {
    if (!this.whitelist.allows(mail.to.address)) {
      this.logger.debug(`mail to ${mail.to.address} dropped: not in the recipient whitelist`);
      return 'not-whitelisted';
    }
    const claim = await this.deliveries.claim(key, new Date(), this.options.leaseMs);
    if (claim === 'already-sent') {
      this.logger.debug(`mail ${key} already sent: not sent again`);
      return 'already-sent';
    }
    if (claim === 'in-progress') throw new MailDeliveryInProgressError(key);
    try {
      await this.sender.send(mail);
    } catch (error) {
      await this.deliveries.release(key).catch(() => undefined);
      throw error;
    }
    const now = new Date();
    await this.deliveries
      .markSent(key, now, new Date(now.getTime() + this.options.idempotencyTtlMs))
      .catch((error: Error) => this.logger.error(`mail ${key} sent but not recorded: ${error.message}`));
    return 'sent';
  }
}
