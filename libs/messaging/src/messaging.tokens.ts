export const RABBITMQ_URI = Symbol('RABBITMQ_URI');
