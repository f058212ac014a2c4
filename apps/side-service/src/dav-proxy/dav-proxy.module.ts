import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DavForwarder } from './dav-forwarder';
import { DavProxyMiddleware } from './dav-proxy.middleware';

/**
 * The DAV proxy, a middleware for every method under `/dav/` (PROPFIND, REPORT, MKCALENDAR, ACL…): Nest routes
 * only know the standard verbs. No controller route lives under `/dav/`, so registered routes still come first.
 */
@Module({ providers: [DavForwarder, DavProxyMiddleware] })
export class DavProxyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DavProxyMiddleware).forRoutes({ path: 'dav/*path', method: RequestMethod.ALL });
  }
}
