import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkInProgressElsewhereError } from '@app/core';
import { MailDeliveryRepository } from '@app/persistence';
import { DeliveryClaims } from './delivery-claims';
import { MAIL_DELIVERY_OPTIONS, MailDeliveryOptions } from './mail-delivery.options';
import { MailSender } from './mail-sender';
import { OutgoingMail } from './outgoing-mail';
import { RecipientWhitelist } from './recipient-whitelist';
import { SentMailRecorder } from './sent-mail-recorder';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'not-whitelisted';

/** Another consumer is sending the same mail right now; try again later. */
export class MailDeliveryInProgressError extends WorkInProgressElsewhereError {
  constructor(key: string) {
    super('The same mail is being sent by another consumer', key);
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
    @Inject(MAIL_DELIVERY_OPTIONS) private readonly options: MailDeliveryOptions,
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
    const renewal = this.renewWhileSending(key);
    try {
      if (mail.status === 'rejected') throw mail.reason;
      await prepared.send(mail.value);
    } catch (error) {
      prepared.abandon();
      await this.deliveries.release(key).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renewal);
    }
    this.recorder.record(key);
    return 'sent';
  }

  /**
   * The claim is a lease of `leaseMs`: renewed every third of it while the mail is being sent (slow SMTP servers,
   * retries), so that only a dead process's claim lapses and is taken over by another consumer.
   */
  private renewWhileSending(key: string): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        this.deliveries.renew(key, new Date()).catch((error: unknown) => {
          this.logger.warn(`lease of mail ${key} not renewed: ${(error as Error).message}`);
        });
      },
      Math.max(100, Math.floor(this.options.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }
}
