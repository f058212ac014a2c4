import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { DAV_CONFIG } from './dav-client.tokens';
import { DavHealthCheck } from './dav.health-check';

/** esn-sabre client. For now its reachability check; the client itself joins here. */
@Global()
@Module({
  providers: [
    {
      provide: DAV_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => config.get('dav', { infer: true }),
    },
    DavHealthCheck,
  ],
  exports: [DAV_CONFIG],
})
export class DavClientModule {}
