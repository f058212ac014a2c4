export * from './messaging.module';
export * from './messaging.tokens';
export * from './rabbitmq.health-check';
