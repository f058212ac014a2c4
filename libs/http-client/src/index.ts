export * from './hop-by-hop';
export * from './upstream-http.client';
