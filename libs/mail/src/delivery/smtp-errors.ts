import { MailDeliveryUnavailableError, MailRejectedError } from './mail-sender';

export interface SmtpError extends Error {
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

/** A failure to reach the server or to open the session (connect, greeting, STARTTLS), worth retrying. */
export function isConnectionPhase(error: SmtpError): boolean {
  if (error.responseCode !== undefined && error.responseCode >= 500) return false;
  if (error.command && CONNECTION_COMMANDS.has(error.command)) return error.code !== 'EAUTH';
  return error.command === undefined && error.code !== undefined && CONNECTION_CODES.has(error.code);
}

/** Worth sending again later: connection problems and temporary (4xx) replies. */
export function isTemporary(error: SmtpError): boolean {
  if (isConnectionPhase(error)) return true;
  if (error.responseCode !== undefined) return error.responseCode >= 400 && error.responseCode < 500;
  return error.code !== undefined && CONNECTION_CODES.has(error.code);
}

export function describeSmtpError(error: SmtpError): string {
  return [error.code, error.command, error.responseCode, error.message]
    .filter((part) => part !== undefined)
    .join(' ');
}

/** The domain error the caller acts on: keep the message for later, or dead-letter it. */
export function classifySmtpError(error: SmtpError): MailDeliveryUnavailableError | MailRejectedError {
  return isTemporary(error)
    ? new MailDeliveryUnavailableError(describeSmtpError(error))
    : new MailRejectedError(describeSmtpError(error));
}
