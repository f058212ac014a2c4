export * from './errors/error-code';
export * from './errors/domain-error';
export * from './validation/mail-address';
export * from './validation/object-id';
export * from './parsing/duration';
export * from './parsing/size';
export * from './ids/name-based-uuid';
export * from './crypto/same-secret';
