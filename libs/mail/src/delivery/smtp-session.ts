import { Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { SmtpError, classifySmtpError, describeSmtpError, isConnectionPhase } from './smtp-errors';

export interface SmtpRetryPolicy {
  retries: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/** mail.md §8.3: connection, STARTTLS and AUTH are retried 3 times, from 100 ms, jittered, capped at 5 s. */
export const DEFAULT_SMTP_RETRY_POLICY: SmtpRetryPolicy = {
  retries: 3,
  initialBackoffMs: 100,
  maxBackoffMs: 5_000,
};

export interface SmtpSessionSettings {
  connection: SMTPConnection.Options;
  auth?: { user: string; pass: string };
  policy: SmtpRetryPolicy;
}

const logger = new Logger('SmtpSession');

function backoff(policy: SmtpRetryPolicy, attempt: number): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** attempt);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * One SMTP session for one mail (mail.md §8.2), opened as soon as it is created: connect, EHLO, STARTTLS and AUTH
 * PLAIN, retried with backoff on I/O errors. The mail is handed over later, when it is ready; a session that is not
 * needed after all is closed with QUIT. Opening ahead hides the server's greeting delay behind the preparation of
 * the mail.
 */
export class SmtpSession {
  readonly opened: Promise<SMTPConnection>;
  private closed = false;

  constructor(private readonly settings: SmtpSessionSettings) {
    this.opened = this.open();
    this.opened.catch(() => undefined);
  }

  /** Sends the message and ends the session; rejects with a MailDeliveryUnavailableError or MailRejectedError. */
  async send(envelope: { from: string; to: string[] }, message: Readable | Buffer | string): Promise<void> {
    const connection = await this.opened;
    try {
      await new Promise<void>((resolve, reject) =>
        connection.send(envelope, message, (error) => (error ? reject(error as SmtpError) : resolve())),
      );
    } catch (error) {
      throw classifySmtpError(error as SmtpError);
    } finally {
      this.close();
    }
  }

  /** QUIT once open (or right away); a failed opening has nothing to close. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.opened.then(
      (connection) => connection.quit(),
      () => undefined,
    );
  }

  private async open(): Promise<SMTPConnection> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.connectOnce();
      } catch (caught) {
        const error = caught as SmtpError;
        if (isConnectionPhase(error) && attempt < this.settings.policy.retries) {
          logger.warn(`SMTP connection failed (attempt ${attempt + 1}): ${describeSmtpError(error)}`);
          await new Promise((resolve) => setTimeout(resolve, backoff(this.settings.policy, attempt)));
          continue;
        }
        throw classifySmtpError(error);
      }
    }
  }

  private connectOnce(): Promise<SMTPConnection> {
    const connection = new SMTPConnection(this.settings.connection);
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: SmtpError) => {
        if (settled) return;
        settled = true;
        connection.close();
        reject(error);
      };
      connection.once('error', fail);
      connection.connect((error) => {
        if (error) return fail(error as SmtpError);
        const ready = () => {
          if (settled) return;
          settled = true;
          connection.removeListener('error', fail);
          // Later socket errors are reported through send(); keep them from crashing the process.
          connection.on('error', () => undefined);
          resolve(connection);
        };
        if (!this.settings.auth) return ready();
        connection.login(this.settings.auth, (loginError) =>
          loginError ? fail(loginError as SmtpError) : ready(),
        );
      });
    });
  }
}
