export * from './search.module';
export * from './search.tokens';
export * from './contacts/contact-search';
export * from './events/event-document';
export * from './events/event-search-index';
export * from './events/opensearch.event-search-index';
export * from './events/mongo.event-search-index';
