import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Agent } from 'undici';
import type { AllConfig, DavConfig } from '@app/config';
import { DAV_CONFIG, DAV_HTTP_AGENT } from './dav-client.tokens';
import { DavHttpClient } from './dav-http.client';
import { DavClient } from './dav.client';
import { DavHealthCheck } from './dav.health-check';
import { DavEventUpdater } from './events/dav-event-updater';
import { DavItipClient } from './scheduling/dav-itip.client';
import { DavSharingClient } from './sharing/dav-sharing.client';
import { DavAddressBookClient } from './contacts/dav-address-books.client';
import { DavSyncTokenClient } from './push/dav-sync-tokens.client';
import { DavCalendarsClient } from './calendars/dav-calendars.client';
import { DavTeamCalendarsClient } from './calendars/dav-team-calendars.client';

/** Connection establishment gets its own, shorter bound: an unreachable DAV server fails fast. */
const MAX_CONNECT_TIMEOUT_MS = 5_000;

/** The typed operations, provided and exported as they are. */
const clients = [
  DavHttpClient,
  DavClient,
  DavEventUpdater,
  DavItipClient,
  DavSharingClient,
  DavAddressBookClient,
  DavSyncTokenClient,
  DavCalendarsClient,
  DavTeamCalendarsClient,
];

class DavAgentShutdown implements OnApplicationShutdown {
  constructor(@Inject(DAV_HTTP_AGENT) private readonly agent: Agent) {}
  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}

/** esn-sabre client: HTTP layer (credentials, timeouts, keep-alive pool), typed operations, health check. */
@Global()
@Module({
  providers: [
    {
      provide: DAV_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => config.get('dav', { infer: true }),
    },
    {
      provide: DAV_HTTP_AGENT,
      inject: [DAV_CONFIG],
      useFactory: (config: DavConfig) =>
        new Agent({
          keepAliveTimeout: 30_000,
          connections: 64,
          headersTimeout: config.responseTimeoutMs,
          bodyTimeout: config.responseTimeoutMs,
          connect: {
            timeout: Math.min(config.responseTimeoutMs, MAX_CONNECT_TIMEOUT_MS),
            ...(config.trustAllCerts ? { rejectUnauthorized: false } : {}),
          },
        }),
    },
    DavHealthCheck,
    DavAgentShutdown,
    ...clients,
  ],
  exports: [DAV_CONFIG, DAV_HTTP_AGENT, ...clients],
})
export class DavClientModule {}
