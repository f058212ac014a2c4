import { Injectable, Logger } from '@nestjs/common';
import { MailerService } from '@nestjs-modules/mailer';
import { MailDeliveryUnavailableError, MailRejectedError, MailSender } from './mail-sender';
import { toMessageOptions } from './mime';
import { OutgoingMail } from './outgoing-mail';

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'EDNS',
  'ESOCKET',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
]);
const CONNECTION_COMMANDS = new Set(['CONN', 'GREETING', 'EHLO', 'HELO', 'STARTTLS', 'AUTH PLAIN']);
/** After a connection failure, sends fail fast for this long instead of hammering a server that is down. */
const BREAKER_MS = 1_000;

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

function isConnectionPhase(error: SmtpError): boolean {
  if (error.responseCode !== undefined && error.responseCode >= 500) return false;
  if (error.command && CONNECTION_COMMANDS.has(error.command)) return error.code !== 'EAUTH';
  return error.command === undefined && error.code !== undefined && CONNECTION_CODES.has(error.code);
}

function isTemporary(error: SmtpError): boolean {
  if (isConnectionPhase(error)) return true;
  if (error.responseCode !== undefined) return error.responseCode >= 400 && error.responseCode < 500;
  return error.code !== undefined && CONNECTION_CODES.has(error.code);
}

function describe(error: SmtpError): string {
  return [error.code, error.command, error.responseCode, error.message]
    .filter((part) => part !== undefined)
    .join(' ');
}

/**
 * Sends over SMTP through @nestjs-modules/mailer, one connection per mail (mail.md §8.2). Failures to connect are
 * retried with backoff; what remains temporary becomes `MailDeliveryUnavailableError` (the caller keeps the
 * message for later), a refusal becomes `MailRejectedError`.
 */
@Injectable()
export class SmtpMailSender extends MailSender {
  private readonly logger = new Logger(SmtpMailSender.name);
  private unavailableUntil = 0;

  constructor(
    private readonly mailer: MailerService,
    private readonly policy: SmtpRetryPolicy = DEFAULT_SMTP_RETRY_POLICY,
  ) {
    super();
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (Date.now() < this.unavailableUntil)
      throw new MailDeliveryUnavailableError('SMTP server unavailable (failed moments ago)');
    const options = toMessageOptions(mail);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.mailer.sendMail(options);
        return;
      } catch (caught) {
        const error = caught as SmtpError;
        if (isConnectionPhase(error) && attempt < this.policy.retries) {
          this.logger.warn(`SMTP connection failed (attempt ${attempt + 1}): ${describe(error)}`);
          await new Promise((resolve) => setTimeout(resolve, this.backoff(attempt)));
          continue;
        }
        if (isTemporary(error)) {
          if (isConnectionPhase(error)) this.unavailableUntil = Date.now() + BREAKER_MS;
          throw new MailDeliveryUnavailableError(describe(error));
        }
        throw new MailRejectedError(describe(error));
      }
    }
  }

  private backoff(attempt: number): number {
    const base = Math.min(this.policy.maxBackoffMs, this.policy.initialBackoffMs * 2 ** attempt);
    return Math.round(base / 2 + Math.random() * (base / 2));
  }
}
