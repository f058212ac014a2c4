export * from './search.module';
export * from './search.tokens';
export * from './contacts/contact-search';
