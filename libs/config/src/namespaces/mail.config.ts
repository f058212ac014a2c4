import { IsOptional } from 'class-validator';
import { isValidDomainName } from '@app/core';
import { defineConfig } from '../config-definition';
import {
  IsBooleanText,
  IsDurationText,
  IsIntText,
  IsMailAddressList,
  IsMailAddressText,
  IsPort,
} from '../env-validators';
import { readBoolean, readDurationMs, readInt, readList, readOptional, readString } from '../env-readers';

class MailEnv {
  @IsOptional() SMTP_HOST?: string;
  @IsOptional() @IsPort() SMTP_PORT?: string;
  @IsOptional() SMTP_HELO?: string;
  @IsOptional() SMTP_USERNAME?: string;
  @IsOptional() SMTP_PASSWORD?: string;
  @IsOptional() @IsBooleanText() SMTP_SSL_ENABLED?: string;
  @IsOptional() @IsBooleanText() SMTP_STARTTLS_ENABLED?: string;
  @IsOptional() @IsBooleanText() SMTP_TRUST_ALL_CERTS?: string;
  @IsOptional() MAIL_TEMPLATE_LOCATION?: string;
  @IsOptional() @IsMailAddressText() MAIL_SENDER?: string;
  @IsOptional() @IsMailAddressList() MAIL_RECIPIENT_WHITELIST?: string;
  @IsOptional() MAIL_OUTBOX_DIR?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) MAIL_RETRY_DELAY?: string;
  @IsOptional() @IsIntText(0, 1_000_000) MAIL_RETRY_MAX_ATTEMPTS?: string;
  @IsOptional() @IsDurationText('s', { positive: true }) MAIL_IDEMPOTENCY_TTL?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) MAIL_DELIVERY_LEASE?: string;
}

export interface SmtpConfig {
  host: string;
  port: number;
  helo: string;
  auth?: { username: string; password: string };
  ssl: boolean;
  starttls: boolean;
  trustAllCerts: boolean;
}

export interface MailConfig {
  /** Absent without SMTP_HOST: mails are written as `.eml` files into `outboxDir` instead. */
  smtp?: SmtpConfig;
  outboxDir: string;
  /** Folder holding the `<lang>/mail.json` bundles; absent: the bundled `i18n` folder. */
  templateLocation?: string;
  sender: string;
  /** False when MAIL_SENDER is not set and `sender` was derived from SELF_URL. */
  senderConfigured: boolean;
  /** Lower-case addresses; empty: everybody may receive mails. */
  recipientWhitelist: string[];
  /** How long a message waits in the retry queue when SMTP is unavailable. */
  retryDelayMs: number;
  /** Deliveries attempted while SMTP is unavailable before the message is dead-lettered. */
  retryMaxAttempts: number;
  /** How long a sent mail is remembered, so that a redelivered message does not send it again. */
  idempotencyTtlMs: number;
  /** A mail being sent holds its claim this long, renewed while the send lasts; a dead process's claim lapses. */
  deliveryLeaseMs: number;
}

export const mailConfig = defineConfig('mail', MailEnv, (env): MailConfig => {
  const host = readOptional(env, 'SMTP_HOST');
  const ssl = readBoolean(env, 'SMTP_SSL_ENABLED', false);
  const username = readOptional(env, 'SMTP_USERNAME');
  const password = readOptional(env, 'SMTP_PASSWORD');
  return {
    smtp: host
      ? {
          host,
          port: readInt(env, 'SMTP_PORT', ssl ? 465 : 25),
          helo: readString(env, 'SMTP_HELO', 'localhost'),
          auth: username && password ? { username, password } : undefined,
          ssl,
          starttls: readBoolean(env, 'SMTP_STARTTLS_ENABLED', false),
          trustAllCerts: readBoolean(env, 'SMTP_TRUST_ALL_CERTS', false),
        }
      : undefined,
    outboxDir: readString(env, 'MAIL_OUTBOX_DIR', 'mail-outbox'),
    templateLocation: readOptional(env, 'MAIL_TEMPLATE_LOCATION')?.replace(/^file:\/\//, ''),
    sender: (readOptional(env, 'MAIL_SENDER') ?? defaultSender(env.SELF_URL)).toLowerCase(),
    senderConfigured: env.MAIL_SENDER !== undefined,
    recipientWhitelist: readList(env, 'MAIL_RECIPIENT_WHITELIST').map((address) => address.toLowerCase()),
    retryDelayMs: readDurationMs(env, 'MAIL_RETRY_DELAY', 'ms', 10_000),
    retryMaxAttempts: readInt(env, 'MAIL_RETRY_MAX_ATTEMPTS', 360),
    idempotencyTtlMs: readDurationMs(env, 'MAIL_IDEMPOTENCY_TTL', 's', 24 * 3_600_000),
    deliveryLeaseMs: readDurationMs(env, 'MAIL_DELIVERY_LEASE', 'ms', 30_000),
  };
});

/** `no-reply@` + the host of SELF_URL when it is a domain name, else `no-reply@localhost`. */
function defaultSender(selfUrl: string | undefined): string {
  let host = 'localhost';
  try {
    const hostname = new URL(selfUrl ?? '').hostname;
    if (/[a-z]/i.test(hostname) && isValidDomainName(hostname)) host = hostname;
  } catch {
    // keep localhost
  }
  return `no-reply@${host}`;
}

/** Rules spanning several mail variables (mail.md §8.1). */
export function mailCrossChecks(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  if (Boolean(env.SMTP_USERNAME) !== Boolean(env.SMTP_PASSWORD))
    problems.push('SMTP_USERNAME and SMTP_PASSWORD go together: set both or neither');
  if (env.SMTP_SSL_ENABLED === 'true' && env.SMTP_STARTTLS_ENABLED === 'true')
    problems.push('SMTP_SSL_ENABLED and SMTP_STARTTLS_ENABLED cannot both be true');
  if (!env.SMTP_HOST) {
    for (const name of ['SMTP_PORT', 'SMTP_HELO', 'SMTP_USERNAME'])
      if (env[name]) problems.push(`${name} is set but SMTP_HOST is not`);
  }
  return problems;
}
