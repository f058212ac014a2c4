import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule, Params } from 'nestjs-pino';
import { LoginThrottle } from '@app/auth';
import type { WebadminConfig } from '@app/config';
import { RevokedTokenController } from './auth/revoked-token.webadmin.controller';
import { DomainAdminsController } from './domains/domain-admins.webadmin.controller';
import { DirectoryUsersController } from './directory-users/directory-users.webadmin.controller';
import { DomainsController } from './domains/domains.webadmin.controller';
import { TasksController } from './tasks/tasks.webadmin.controller';
import { CalendarTasksController } from './calendars/calendar-tasks.webadmin.controller';
import { HealthcheckController } from './health/healthcheck.webadmin.controller';
import { WebadminAuthGuard } from './http/webadmin-auth.guard';
import { WebadminExceptionFilter } from './http/webadmin-exception.filter';
import { MetricsController } from './metrics/metrics.webadmin.controller';
import { DomainRegisteredUsersController } from './registered-users/domain-registered-users.webadmin.controller';
import { RegisteredUsersController } from './registered-users/registered-users.webadmin.controller';
import { ResourcesController } from './resources/resources.webadmin.controller';
import { DomainMembersController } from './domain-members/domain-members.webadmin.controller';
import { DomainSettingsController } from './domain-settings/domain-settings.webadmin.controller';
import { DomainTasksController } from './tasks/domain-tasks.webadmin.controller';
import { LdapImportController } from './registered-users/ldap-import.webadmin.controller';
import { UserDataController } from './directory-users/user-data.webadmin.controller';
import { TeamCalendarsController } from './team-calendars/team-calendars.webadmin.controller';
import { UserCollectionsController } from './user-collections/user-collections.webadmin.controller';

/** What the webadmin server borrows from the main application: its buses, so handlers stay in one place. */
export interface WebadminBridge {
  commandBus: CommandBus;
  queryBus: QueryBus;
  logger: Params;
  config: WebadminConfig;
  /** The REST API's brute-force limiter: one count of failures per address across both servers. */
  loginThrottle: LoginThrottle;
}

const controllers = [
  CalendarTasksController,
  DomainsController,
  RegisteredUsersController,
  DomainRegisteredUsersController,
  HealthcheckController,
  RevokedTokenController,
  TasksController,
  DomainAdminsController,
  DirectoryUsersController,
  ResourcesController,
  DomainMembersController,
  DomainSettingsController,
  DomainTasksController,
  LdapImportController,
  UserDataController,
  TeamCalendarsController,
  UserCollectionsController,
];

/**
 * Root module of the webadmin HTTP server (own port, own Nest application). Its controllers dispatch through
 * the main application's command and query buses.
 */
@Module({})
export class WebadminAppModule {
  static forBridge(bridge: WebadminBridge): DynamicModule {
    return {
      module: WebadminAppModule,
      imports: [
        LoggerModule.forRoot(bridge.logger),
        PrometheusModule.register({
          controller: MetricsController,
          path: 'metrics',
          defaultMetrics: { enabled: true },
        }),
      ],
      controllers,
      providers: [
        { provide: CommandBus, useValue: bridge.commandBus },
        { provide: QueryBus, useValue: bridge.queryBus },
        { provide: APP_FILTER, useClass: WebadminExceptionFilter },
        { provide: LoginThrottle, useValue: bridge.loginThrottle },
        { provide: APP_GUARD, useFactory: () => new WebadminAuthGuard(bridge.config, bridge.loginThrottle) },
      ],
    };
  }
}
