import { mailConfig, mailCrossChecks } from './mail.config';
import { userDefaultsConfig } from './user-defaults.config';

describe('mail configuration', () => {
  it('writes to the outbox when SMTP_HOST is not set, from a sender derived from SELF_URL', () => {
    expect(mailConfig.read({ SELF_URL: 'https://calendar.twake.test/' })).toMatchObject({
      smtp: undefined,
      outboxDir: 'mail-outbox',
      sender: 'no-reply@calendar.twake.test',
      senderConfigured: false,
      recipientWhitelist: [],
      retryDelayMs: 10_000,
      retryMaxAttempts: 360,
      idempotencyTtlMs: 86_400_000,
    });
    expect(mailConfig.read({ SELF_URL: 'http://127.0.0.1:8080' }).sender).toBe('no-reply@localhost');
  });

  it('reads the SMTP settings of mail.md §8.1', () => {
    const config = mailConfig.read({
      SMTP_HOST: 'smtp.twake.test',
      SMTP_SSL_ENABLED: 'true',
      SMTP_USERNAME: 'cal',
      SMTP_PASSWORD: 'secret',
      MAIL_SENDER: 'Calendar@Twake.TEST',
      MAIL_RECIPIENT_WHITELIST: 'A@twake.test, b@twake.test',
      MAIL_RETRY_DELAY: '2s',
    });
    expect(config).toMatchObject({
      smtp: {
        host: 'smtp.twake.test',
        port: 465,
        helo: 'localhost',
        auth: { username: 'cal', password: 'secret' },
        ssl: true,
        starttls: false,
      },
      sender: 'calendar@twake.test',
      senderConfigured: true,
      recipientWhitelist: ['a@twake.test', 'b@twake.test'],
      retryDelayMs: 2000,
    });
  });

  it('refuses a lone credential and SSL with STARTTLS', () => {
    expect(
      mailCrossChecks({
        SMTP_HOST: 'h',
        SMTP_USERNAME: 'u',
        SMTP_SSL_ENABLED: 'true',
        SMTP_STARTTLS_ENABLED: 'true',
      }),
    ).toEqual([
      'SMTP_USERNAME and SMTP_PASSWORD go together: set both or neither',
      'SMTP_SSL_ENABLED and SMTP_STARTTLS_ENABLED cannot both be true',
    ]);
    expect(mailCrossChecks({ SMTP_PORT: '25' })).toEqual(['SMTP_PORT is set but SMTP_HOST is not']);
  });

  it('has user defaults en / Europe/Paris', () => {
    expect(userDefaultsConfig.read({})).toEqual({ language: 'en', timeZone: 'Europe/Paris' });
  });
});
