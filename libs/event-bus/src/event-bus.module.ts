import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { EventBus } from './event-bus';
import { InProcessEventBus } from './in-process.event-bus';
import { RedisEventBus } from './redis.event-bus';

/** The event bus: on Redis pub/sub across nodes when `REDIS_URL` is set, in process otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: EventBus,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>): EventBus => {
        const redis = config.get('redis', { infer: true });
        const url = redis.urls?.[0];
        if (!url) return new InProcessEventBus();
        return new RedisEventBus({
          url,
          tls: redis.tls ? { rejectUnauthorized: !redis.tlsSkipVerify } : undefined,
          failureIgnore: redis.eventBusFailureIgnore,
          timeoutMs: redis.eventBusTimeoutMs,
        });
      },
    },
  ],
  exports: [EventBus],
})
export class EventBusModule {}
