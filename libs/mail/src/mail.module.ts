import { Global, Logger, Module, OnApplicationBootstrap, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { I18nModule, I18nResolver } from 'nestjs-i18n';
import type { AllConfig, MailConfig, SmtpConfig } from '@app/config';
import { MAIL_DELIVERY_OPTIONS } from './delivery/mail-delivery.options';
import { DeliveryClaims } from './delivery/delivery-claims';
import { MailDelivery } from './delivery/mail-delivery.service';
import { MailDeliverySweeper } from './delivery/mail-delivery.sweeper';
import { MailSender } from './delivery/mail-sender';
import { OutboxMailSender } from './delivery/outbox.mail-sender';
import { RecipientWhitelist } from './delivery/recipient-whitelist';
import { SentMailRecorder } from './delivery/sent-mail-recorder';
import { SmtpMailSender } from './delivery/smtp.mail-sender';
import { DEFAULT_SMTP_RETRY_POLICY, SmtpSessionSettings } from './delivery/smtp-session';
import { mailBundleFolder } from './i18n/bundle-location';
import { MailTranslator } from './i18n/mail-translator';
import { withoutRequestInterceptor } from './i18n/without-request-interceptor';

type Config = ConfigService<AllConfig, true>;
const mail = (config: Config): MailConfig => config.get('mail', { infer: true });
const MAIL_CONFIG = Symbol('MAIL_CONFIG');

/** Connection settings of mail.md §8.1 for one SMTP session per mail. */
export function smtpSessionSettings(smtp: SmtpConfig): SmtpSessionSettings {
  return {
    connection: {
      host: smtp.host,
      port: smtp.port,
      name: smtp.helo,
      secure: smtp.ssl,
      requireTLS: smtp.starttls,
      ignoreTLS: !smtp.starttls && !smtp.ssl,
      tls: { rejectUnauthorized: !smtp.trustAllCerts },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    },
    auth: smtp.auth ? { user: smtp.auth.username, pass: smtp.auth.password } : undefined,
    policy: DEFAULT_SMTP_RETRY_POLICY,
  };
}

/**
 * Mails choose their language themselves (the recipient's settings), never from a request: this resolver leaves
 * requests alone (and keeps nestjs-i18n from warning that none is configured).
 */
@Injectable()
class NoRequestLanguage implements I18nResolver {
  resolve(): undefined {
    return undefined;
  }
}

@Injectable()
class MailStartupReport implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');

  constructor(
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
    private readonly whitelist: RecipientWhitelist,
  ) {}

  onApplicationBootstrap(): void {
    const smtp = this.config.smtp;
    this.logger.log(
      smtp
        ? `mails are sent through SMTP ${smtp.host}:${smtp.port}`
        : `no SMTP_HOST: mails are written to the outbox folder ${this.config.outboxDir}`,
    );
    this.logger.log(`mail recipients allowed: ${this.whitelist.describe()}`);
    if (!this.config.senderConfigured)
      this.logger.warn(
        `MAIL_SENDER is not set: mails not sent on behalf of a person come from ${this.config.sender}`,
      );
  }
}

/**
 * Outgoing mail: the MailSender port (SMTP with our MIME assembly and nodemailer's SMTP connection, or the local
 * `.eml` outbox without SMTP_HOST), idempotent delivery, the recipient whitelist and the translated mail strings (nestjs-i18n).
 */
@Global()
@Module({
  imports: [
    withoutRequestInterceptor(
      I18nModule.forRootAsync({
        resolvers: [NoRequestLanguage],
        inject: [ConfigService],
        useFactory: (config: Config) => ({
          fallbackLanguage: 'en',
          loaderOptions: { path: mailBundleFolder(mail(config).templateLocation), watch: false },
          disableMiddleware: true,
          skipAsyncHook: true,
          logging: false,
        }),
      }),
    ),
  ],
  providers: [
    { provide: MAIL_CONFIG, inject: [ConfigService], useFactory: mail },
    {
      provide: MailSender,
      inject: [MAIL_CONFIG],
      useFactory: (config: MailConfig) =>
        config.smtp
          ? new SmtpMailSender(smtpSessionSettings(config.smtp))
          : new OutboxMailSender(config.outboxDir),
    },
    {
      provide: RecipientWhitelist,
      inject: [MAIL_CONFIG],
      useFactory: (config: MailConfig) => new RecipientWhitelist(config.recipientWhitelist),
    },
    {
      provide: MAIL_DELIVERY_OPTIONS,
      inject: [MAIL_CONFIG],
      useFactory: (config: MailConfig) => ({
        idempotencyTtlMs: config.idempotencyTtlMs,
        leaseMs: config.deliveryLeaseMs,
      }),
    },
    MailDelivery,
    DeliveryClaims,
    SentMailRecorder,
    MailDeliverySweeper,
    MailTranslator,
    MailStartupReport,
  ],
  exports: [MailSender, MailDelivery, RecipientWhitelist, MailTranslator],
})
export class MailModule {}
