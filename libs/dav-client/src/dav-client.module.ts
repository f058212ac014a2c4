import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Agent } from 'undici';
import type { AllConfig, DavConfig } from '@app/config';
import { DAV_CONFIG, DAV_HTTP_AGENT } from './dav-client.tokens';
import { DavHealthCheck } from './dav.health-check';

class DavAgentShutdown implements OnApplicationShutdown {
  constructor(@Inject(DAV_HTTP_AGENT) private readonly agent: Agent) {}
  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}

/** esn-sabre client. For now its reachability check; the client itself joins here. */
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
          connect: config.trustAllCerts ? { rejectUnauthorized: false } : undefined,
        }),
    },
    DavHealthCheck,
    DavAgentShutdown,
  ],
  exports: [DAV_CONFIG, DAV_HTTP_AGENT],
})
export class DavClientModule {}
