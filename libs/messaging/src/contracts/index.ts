export * from './message-contract';
export * from './calendar-event.contract';
export * from './resource-event.contract';
export * from './itip-local-delivery.contract';
export * from './notification-email.contract';
export * from './dav-collection.contracts';
