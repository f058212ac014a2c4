export * from './expect-eventually';
export * from './test-database';
export * from './test-oidc-provider';
export * from './test-keys';
export * from './service-settings';
export * from './test-vhost';
export * from './test-smtp-server';
export * from './mongo-engine';
