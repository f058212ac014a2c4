import { Injectable } from '@nestjs/common';
import { MailDeliveryUnavailableError, MailSender, PreparedSend } from './mail-sender';
import { composeMessage } from './mime';
import { OutgoingMail } from './outgoing-mail';
import { SmtpSession, SmtpSessionSettings } from './smtp-session';

/** After a connection failure, sends fail fast for this long instead of hammering a server that is down. */
const BREAKER_MS = 1_000;

/**
 * Sends over SMTP (nodemailer's SMTP connection), one session per mail (mail.md §8.2); the message is composed into
 * one buffer first (`composeMessage`). The session is opened when the
 * mail is being prepared (`prepare`), so that connecting does not add to the time a message takes. Failures to
 * connect are retried with backoff; what remains temporary becomes `MailDeliveryUnavailableError` (the caller keeps
 * the message for later), a refusal becomes `MailRejectedError`.
 */
@Injectable()
export class SmtpMailSender extends MailSender {
  private unavailableUntil = 0;

  constructor(private readonly settings: SmtpSessionSettings) {
    super();
  }

  override prepare(): PreparedSend {
    if (Date.now() < this.unavailableUntil) {
      const failure = () =>
        Promise.reject(new MailDeliveryUnavailableError('SMTP server unavailable (failed moments ago)'));
      return { send: failure, abandon: () => undefined };
    }
    const session = new SmtpSession(this.settings);
    session.opened.catch(() => (this.unavailableUntil = Date.now() + BREAKER_MS));
    return {
      send: (mail: OutgoingMail) => {
        const { envelope, message } = composeMessage(mail);
        return session.send(envelope, message);
      },
      abandon: () => session.close(),
    };
  }

  send(mail: OutgoingMail): Promise<void> {
    return this.prepare().send(mail);
  }
}
