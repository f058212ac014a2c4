import { SmtpSession, SmtpSessionSettings } from './smtp-session';

interface ComposedMail {
  data: { smtpSession?: SmtpSession; envelope?: { from: string; to: string[] } };
  message: {
    getEnvelope(): { from: string | false; to: string[] };
    build(callback: (error: Error | null, message: Buffer) => void): void;
  };
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
    // The message is built into one buffer before it is handed over: streamed, nodemailer's MIME tree wrote it to
    // the socket in hundreds of small writes (one system call each), the largest CPU cost of a mail.
    mail.message.build((buildError, message) => {
      if (buildError) {
        session.close();
        callback(buildError);
        return;
      }
      session.send({ from: envelope.from || '', to: envelope.to }, message).then(
        () => callback(null, { envelope }),
        (error: Error) => callback(error),
      );
    });
  }
}
