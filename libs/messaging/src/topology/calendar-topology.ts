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

const eventQueue = (name: string, exchange: string, deadLetterSuffix: string): QueueDefinition => ({
  name,
  exchanges: [exchange],
  deadLetter: `${name}${deadLetterSuffix}`,
});

type EventAction = 'created' | 'updated' | 'deleted';
const byAction = <K extends string>(actions: readonly K[], define: (action: K) => QueueDefinition) =>
  Object.fromEntries(actions.map((action) => [action, define(action)])) as Record<K, QueueDefinition>;

/** Event index (events.md §5): `tcalendar:event:X:search`, DLQ suffix `-dead-letter`. */
export const EVENT_SEARCH_QUEUES = byAction(['created', 'updated', 'deleted'] as const, (x: EventAction) =>
  eventQueue(`tcalendar:event:${x}:search`, `calendar:event:${x}`, '-dead-letter'),
);

/** Alarms (events.md §4): `tcalendar:event:alarm:X`. */
export const ALARM_QUEUES = byAction(['created', 'updated', 'deleted', 'cancel', 'request'] as const, (x) =>
  eventQueue(`tcalendar:event:alarm:${x}`, `calendar:event:alarm:${x}`, ':dead-letter'),
);

/** Resource moderation (events.md §3.4): `resource:tcalendar:event:X`. */
export const RESOURCE_EVENT_QUEUES = byAction(['created', 'accepted', 'declined'] as const, (x) =>
  eventQueue(`resource:tcalendar:event:${x}`, `resource:calendar:event:${x}`, ':dead-letter'),
);

/** Default visibility of a new calendar (events.md §3.5). */
export const CALENDAR_CREATED_QUEUE = eventQueue(
  'tcalendar:calendar:created',
  'calendar:calendar:created',
  ':dead-letter',
);

/** Delegation mail (events.md §3.5). */
export const CALENDAR_DELEGATED_CREATED_QUEUE = eventQueue(
  'tcalendar:calendar:delegated:created',
  'calendar:calendar:created',
  ':dead-letter',
);

/** WebSocket calendar list (events.md §7): the calendar and subscription lifecycles. */
export const CALENDAR_LIST_NOTIFICATION_QUEUE: QueueDefinition = {
  name: 'tcalendar:calendar:list:notification',
  exchanges: [
    ...['created', 'updated', 'deleted'].map((x) => `calendar:calendar:${x}`),
    ...['created', 'updated', 'deleted'].map((x) => `calendar:subscription:${x}`),
  ],
  deadLetter: 'tcalendar:calendar:list:notification:dead-letter',
};

/** WebSocket event changes (events.md §7): `tcalendar:event:X:notification`, DLQ suffix `-dead-letter`. */
export const EVENT_NOTIFICATION_QUEUES = byAction(
  ['created', 'updated', 'deleted', 'cancel', 'request', 'reply'] as const,
  (x) => eventQueue(`tcalendar:event:${x}:notification`, `calendar:event:${x}`, '-dead-letter'),
);

/** WebSocket contact changes (events.md §7): `tcalendar:contact:X:notification`, DLQ suffix `-dead-letter`. */
export const CONTACT_NOTIFICATION_QUEUES = byAction(['created', 'updated', 'deleted'] as const, (x) =>
  eventQueue(`tcalendar:contact:${x}:notification`, `sabre:contact:${x}`, '-dead-letter'),
);

/** Audit log (events.md §3.6). */
export const AUDIT_QUEUE: QueueDefinition = {
  name: 'tcalendar:audit',
  exchanges: [
    ...['created', 'deleted', 'updated', 'update'].map((x) => `sabre:contact:${x}`),
    ...['created', 'updated', 'deleted'].map((x) => `calendar:subscription:${x}`),
    ...['created', 'updated', 'deleted'].map((x) => `calendar:calendar:${x}`),
    ...['created', 'updated', 'deleted', 'request', 'cancel', 'reply'].map((x) => `calendar:event:${x}`),
    ...['created', 'deleted', 'updated'].map((x) => `sabre:addressbook:${x}`),
    ...['created', 'deleted', 'updated'].map((x) => `sabre:addressbook:subscription:${x}`),
  ],
  deadLetter: 'tcalendar:audit:dead-letter',
};

/** Common contacts (events.md §3.7; only when enabled): `tcalendar:common-contact:X`. */
export const COMMON_CONTACT_QUEUES = byAction(['created', 'updated', 'deleted'] as const, (x) =>
  eventQueue(`tcalendar:common-contact:${x}`, `sabre:contact:${x}`, '-dead-letter'),
);

/**
 * The definition with a retry queue (`<name>:retry`) for the consumption pipeline's bounded retry. Not part of the
 * original topology: only for consumers that retry (a dependency down), like the notification mails.
 */
export function withRetryQueue(queue: QueueDefinition): QueueDefinition {
  return { ...queue, retry: queue.retry ?? `${queue.name}:retry` };
}

const consumed = new Map<string, QueueDefinition>([
  [NOTIFICATION_EMAIL_QUEUE.name, NOTIFICATION_EMAIL_QUEUE],
  [ITIP_LOCAL_DELIVERY_QUEUE.name, ITIP_LOCAL_DELIVERY_QUEUE],
]);

/**
 * Registers a queue as consumed by this service and returns it: the topology declares (at start-up) and watches
 * (consumer watchdog, health checks) only registered queues, because a queue nobody consumes fills up on the broker.
 * Call it where the consumer subscribes, before the application starts, e.g.
 * `@RabbitSubscribe({ name: consumedQueue(ALARM_QUEUES.created).name })` (the decorator runs when the consumer's
 * file is loaded, before the messaging module declares the topology).
 */
export function consumedQueue(queue: QueueDefinition): QueueDefinition {
  const known = consumed.get(queue.name);
  if (known && JSON.stringify(known) !== JSON.stringify(queue))
    throw new Error(`queue ${queue.name} is registered twice with different definitions`);
  consumed.set(queue.name, queue);
  return queue;
}

/** The queues declared and consumed by this service (see `consumedQueue`). */
export function calendarQueues(): readonly QueueDefinition[] {
  return [...consumed.values()];
}
