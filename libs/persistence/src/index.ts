export * from './persistence.module';
export * from './users/user';
export * from './users/user.errors';
export * from './users/user.repository';
export * from './domains/domain';
export * from './domains/domain.errors';
export * from './domains/domain.repository';
