export * from './dav-client.module';
export * from './dav-client.tokens';
