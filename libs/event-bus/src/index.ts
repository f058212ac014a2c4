export * from './event-bus';
export * from './event-bus.module';
export * from './in-process.event-bus';
export * from './redis.event-bus';
