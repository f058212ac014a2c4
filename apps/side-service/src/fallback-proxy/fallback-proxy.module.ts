import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CorsHeadersMiddleware } from '../http/cors-headers.middleware';
import { UnmatchedRequestHandler } from '../http/unmatched-request.handler';
import { LegacyBackendProxy } from './legacy-backend.proxy';

/**
 * The last step of request dispatch (rest-api.md §1, §8): registered routes, then `/dav/**`, then the legacy
 * OpenPaaS backend. The REST exception filter hands it the requests no route matched. Also sets the CORS headers
 * of every registered route (§3.2).
 */
@Module({
  providers: [LegacyBackendProxy, { provide: UnmatchedRequestHandler, useExisting: LegacyBackendProxy }],
  exports: [UnmatchedRequestHandler],
})
export class FallbackProxyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorsHeadersMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
