import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UserJwtService } from '@app/auth';
import type { AllConfig } from '@app/config';
import { SendEventNotificationHandler } from './commands/send-event-notification/send-event-notification.handler';
import {
  MAIL_SENDER_ADDRESS,
  SendImportReportHandler,
} from './commands/send-import-report/send-import-report.handler';
import { MAIL_RETRY, mailRetry } from './consumers/mail-retry';
import { NotificationEmailConsumer } from './consumers/notification-email.consumer';
import { ImportCompletedMailer } from './events/import-completed.mailer';
import { MAIL_LINKS, MailContexts } from './mails/mail-contexts';
import { NotificationMetrics } from './notification-metrics';
import { LocalResourceLookup } from './people/local-resource-lookup';
import { MailPeople, USER_DEFAULTS } from './people/mail-people';
import { RepositoryResourceLookup } from './people/repository-resource-lookup';
import { ParticipationLinks } from './people/participation-links';
import { MailResourceChangesListener } from './people/resource-changes.listener';

type Config = ConfigService<AllConfig, true>;
const trimSlash = (url: string) => url.replace(/\/+$/, '');

const commandHandlers = [SendEventNotificationHandler, SendImportReportHandler];
const eventHandlers = [ImportCompletedMailer, MailResourceChangesListener];
const messageConsumers = [NotificationEmailConsumer];

/** iMIP notification mails (events.md §3.3) and the import report mails. */
@Module({
  providers: [
    ...commandHandlers,
    ...messageConsumers,
    ...eventHandlers,
    MailContexts,
    MailPeople,
    { provide: LocalResourceLookup, useClass: RepositoryResourceLookup },
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
      provide: MAIL_SENDER_ADDRESS,
      inject: [ConfigService],
      useFactory: (config: Config) => config.get('mail', { infer: true }).sender,
    },
    {
      provide: MAIL_RETRY,
      inject: [ConfigService],
      useFactory: (config: Config) => {
        const mail = config.get('mail', { infer: true });
        return mailRetry({ delayMs: mail.retryDelayMs, maxAttempts: mail.retryMaxAttempts });
      },
    },
    {
      provide: ParticipationLinks,
      inject: [UserJwtService, ConfigService],
      useFactory: (jwt: UserJwtService, config: Config) =>
        new ParticipationLinks(jwt, trimSlash(config.get('app', { infer: true }).spaExcalUrl)),
    },
  ],
  exports: [MailPeople, MailContexts, MAIL_SENDER_ADDRESS, MAIL_RETRY, USER_DEFAULTS],
})
export class NotificationsModule {}
