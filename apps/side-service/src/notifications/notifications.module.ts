import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import type { AllConfig } from '@app/config';
import { SendEventNotificationHandler } from './commands/send-event-notification/send-event-notification.handler';
import { MAIL_RETRY, NotificationEmailConsumer } from './consumers/notification-email.consumer';
import { MAIL_LINKS, MailContexts } from './mails/mail-contexts';
import { NotificationMetrics } from './notification-metrics';
import { LocalResourceLookup } from './people/local-resource-lookup';
import { MailPeople, USER_DEFAULTS } from './people/mail-people';
import { NoResourceLookup } from './people/no-resource-lookup';
import { ParticipationLinks } from './people/participation-links';

type Config = ConfigService<AllConfig, true>;
const trimSlash = (url: string) => url.replace(/\/+$/, '');

const commandHandlers = [SendEventNotificationHandler];
const messageConsumers = [NotificationEmailConsumer];

/** Participation tokens are signed with the key shared with the DAV server (JWT_PRIVATE_KEY_PATH). */
function participationLinks(config: Config): ParticipationLinks {
  const path = config.get('auth', { infer: true }).jwt.privateKeyPath;
  const excal = trimSlash(config.get('app', { infer: true }).spaExcalUrl);
  if (path) return new ParticipationLinks(createPrivateKey(readFileSync(path, 'utf8')), excal);
  new Logger('NotificationsModule').warn(
    'JWT_PRIVATE_KEY_PATH is not set: participation links in mails are signed with a key made up at start-up',
  );
  return new ParticipationLinks(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, excal);
}

/** iMIP notification mails (events.md §3.3) and the import report mails. */
@Module({
  providers: [
    ...commandHandlers,
    ...messageConsumers,
    MailContexts,
    MailPeople,
    { provide: LocalResourceLookup, useClass: NoResourceLookup },
    { provide: NotificationMetrics, useFactory: () => NotificationMetrics.register() },
    {
      provide: MAIL_LINKS,
      inject: [ConfigService],
      useFactory: (config: Config) => {
        const app = config.get('app', { infer: true });
        return {
          spaCalendarUrl: trimSlash(app.spaCalendarUrl),
          spaExcalUrl: trimSlash(app.spaExcalUrl),
          spaContactsUrl: trimSlash(app.spaContactsUrl),
        };
      },
    },
    {
      provide: USER_DEFAULTS,
      inject: [ConfigService],
      useFactory: (config: Config) => config.get('userDefaults', { infer: true }),
    },
    {
      provide: MAIL_RETRY,
      inject: [ConfigService],
      useFactory: (config: Config) => {
        const mail = config.get('mail', { infer: true });
        return { delayMs: mail.retryDelayMs, maxAttempts: mail.retryMaxAttempts };
      },
    },
    { provide: ParticipationLinks, inject: [ConfigService], useFactory: participationLinks },
  ],
})
export class NotificationsModule {}
