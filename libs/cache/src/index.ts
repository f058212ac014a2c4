export * from './cache';
export * from './cache.module';
export * from './memory.cache';
export * from './redis.cache';
