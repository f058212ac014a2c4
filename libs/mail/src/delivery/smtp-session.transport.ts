import type { Readable } from 'node:stream';
import { SmtpSession, SmtpSessionSettings } from './smtp-session';

interface ComposedMail {
  data: { smtpSession?: SmtpSession; envelope?: { from: string; to: string[] } };
  message: { getEnvelope(): { from: string | false; to: string[] }; createReadStream(): Readable };
}

/**
 * A nodemailer transport (plugged into @nestjs-modules/mailer) that delivers each composed mail over the SMTP
 * session given with it (`smtpSession` in the send options), or over a new one.
 */
export class SmtpSessionTransport {
  readonly name = 'tcalendar-smtp';
  readonly version = '1';

  constructor(readonly settings: SmtpSessionSettings) {}

  send(mail: ComposedMail, callback: (error: Error | null, info?: unknown) => void): void {
    const session = mail.data.smtpSession ?? new SmtpSession(this.settings);
    const envelope = mail.message.getEnvelope();
    session.send({ from: envelope.from || '', to: envelope.to }, mail.message.createReadStream()).then(
      () => callback(null, { envelope }),
      (error: Error) => callback(error),
    );
  }
}
