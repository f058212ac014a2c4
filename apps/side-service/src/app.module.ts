import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@app/auth';
import { CacheModule } from '@app/cache';
import { AllConfig, AppConfigModule } from '@app/config';
import { DavClientModule } from '@app/dav-client';
import { DirectoryModule } from '@app/directory';
import { MailModule } from '@app/mail';
import { MessagingModule } from '@app/messaging';
import { HealthModule, loggerParams } from '@app/observability';
import { PersistenceModule } from '@app/persistence';
import { SearchModule } from '@app/search';
import { AlarmsModule } from './alarms/alarms.module';
import { AuthFeatureModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { DavProxyModule } from './dav-proxy/dav-proxy.module';
import { DomainsModule } from './domains/domains.module';
import { ImportModule } from './import/import.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RestExceptionFilter } from './http/rest-exception.filter';
import { SchedulingModule } from './scheduling/scheduling.module';
import { HealthQueriesModule } from './health/health-queries.module';
import { TasksModule } from './tasks/tasks.module';
import { DirectoryUsersModule } from './directory-users/directory-users.module';
import { UsersModule } from './users/users.module';
import { UserProfilesModule } from './user-profiles/user-profiles.module';
import { UserSettingsModule } from './user-settings/user-settings.module';
import { FallbackProxyModule } from './fallback-proxy/fallback-proxy.module';
import { DomainSettingsModule } from './domain-settings/domain-settings.module';
import { ResourcesModule } from './resources/resources.module';
import { ResourceModerationModule } from './resource-moderation/resource-moderation.module';
import { CalendarCreationModule } from './calendar-creation/calendar-creation.module';
import { TeamCalendarsModule } from './team-calendars/team-calendars.module';
import { PeopleSearchModule } from './people-search/people-search.module';
import { EntitiesModule } from './entities/entities.module';
import { WebsocketModule } from './websocket/websocket.module';
import { EventSearchModule } from './event-search/event-search.module';
import { DomainSyncModule } from './domain-sync/domain-sync.module';
import { UserDeletionModule } from './user-deletion/user-deletion.module';
import { UserCollectionsModule } from './user-collections/user-collections.module';

const infrastructure = [
  PersistenceModule,
  MessagingModule,
  CacheModule,
  SearchModule,
  DirectoryModule,
  DavClientModule,
  AuthModule,
  MailModule,
];
const features = [
  DomainsModule,
  UsersModule,
  HealthQueriesModule,
  AuthFeatureModule,
  TasksModule,
  DirectoryUsersModule,
  DavProxyModule,
  CalendarModule,
  ImportModule,
  NotificationsModule,
  SchedulingModule,
  AlarmsModule,
  UserProfilesModule,
  UserSettingsModule,
  DomainSettingsModule,
  ResourcesModule,
  ResourceModerationModule,
  CalendarCreationModule,
  TeamCalendarsModule,
  PeopleSearchModule,
  EntitiesModule,
  DomainSyncModule,
  WebsocketModule,
  EventSearchModule,
  UserDeletionModule,
  UserCollectionsModule,
  FallbackProxyModule,
];

/** The side service: REST API, AMQP consumers and schedulers. The webadmin server borrows its buses. */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AllConfig, true>) => {
            const app = config.get('app', { infer: true });
            return loggerParams({ level: app.logLevel, pretty: app.logPretty });
          },
        }),
        CqrsModule.forRoot(),
        ScheduleModule.forRoot(),
        HealthModule,
        ...infrastructure,
        ...features,
      ],
      providers: [{ provide: APP_FILTER, useClass: RestExceptionFilter }],
    };
  }
}
