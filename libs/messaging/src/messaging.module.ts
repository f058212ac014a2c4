import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';
import { RABBITMQ_URI } from './messaging.tokens';
import { RabbitmqHealthCheck } from './rabbitmq.health-check';

/** RabbitMQ: broker health for now; topology, consumers and publishers join here. */
@Global()
@Module({
  providers: [
    {
      provide: RABBITMQ_URI,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => config.get('rabbitmq', { infer: true }).uri,
    },
    RabbitmqHealthCheck,
  ],
  exports: [RABBITMQ_URI],
})
export class MessagingModule {}
