/**
 * Names of the DAV broker topology (events.md §1). Every DAV-side exchange is a durable fanout bound with the
 * empty routing key; each queue has a fanout dead-letter exchange named exactly like its dead-letter queue.
 */

/** Exchanges declared at start-up: those esn-sabre publishes to plus the spec's extra list (§1.1, §1.2). */
export const DAV_EXCHANGES: readonly string[] = [
  ...['created', 'updated', 'deleted', 'request', 'cancel', 'reply'].map((x) => `calendar:event:${x}`),
  ...['created', 'updated', 'deleted', 'cancel', 'request'].map((x) => `calendar:event:alarm:${x}`),
  ...['created', 'accepted', 'declined'].map((x) => `resource:calendar:event:${x}`),
  'calendar:itip:localDelivery',
  'calendar:event:notificationEmail:send',
  ...['created', 'updated', 'deleted'].map((x) => `calendar:calendar:${x}`),
  ...['created', 'updated', 'deleted'].map((x) => `calendar:subscription:${x}`),
  ...['created', 'deleted', 'updated', 'update'].map((x) => `sabre:contact:${x}`),
  ...['created', 'deleted', 'updated'].map((x) => `sabre:addressbook:${x}`),
  ...['created', 'deleted', 'updated'].map((x) => `sabre:addressbook:subscription:${x}`),
];

export interface QueueDefinition {
  /** Main queue. */
  name: string;
  /** Exchanges the main queue is bound to (empty routing key). */
  exchanges: readonly string[];
  /** Dead-letter queue, and the name of its fanout dead-letter exchange. */
  deadLetter: string;
  /** A delay queue dead-lettering back into the main queue through the default exchange, when the consumer uses one. */
  retry?: string;
}

export const NOTIFICATION_EMAIL_EXCHANGE = 'calendar:event:notificationEmail:send';

/** iMIP notification mails (events.md §3.3, mail.md §4). */
export const NOTIFICATION_EMAIL_QUEUE: QueueDefinition = {
  name: 'tcalendar:event:notificationEmail:send',
  exchanges: [NOTIFICATION_EMAIL_EXCHANGE],
  deadLetter: 'tcalendar:event:notificationEmail:send:dead-letter',
  retry: 'tcalendar:event:notificationEmail:send:retry',
};

export const ITIP_LOCAL_DELIVERY_EXCHANGE = 'calendar:itip:localDelivery';

/** Scheduling bridge (events.md §3.1); consumed on its own channel (prefetch ITIP_EVENT_MESSAGES_PREFETCH_COUNT). */
export const ITIP_LOCAL_DELIVERY_QUEUE: QueueDefinition = {
  name: 'tcalendar:itip:localDelivery',
  exchanges: [ITIP_LOCAL_DELIVERY_EXCHANGE],
  deadLetter: 'tcalendar:itip:localDelivery:dead-letter',
};

/**
 * Queues declared and consumed by this service. A queue is only declared once its consumer exists: a queue
 * without a consumer would fill up on the broker.
 */
export const CALENDAR_QUEUES: readonly QueueDefinition[] = [
  NOTIFICATION_EMAIL_QUEUE,
  ITIP_LOCAL_DELIVERY_QUEUE,
];
