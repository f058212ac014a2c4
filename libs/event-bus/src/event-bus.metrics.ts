import type { Summary } from 'prom-client';
import { timer } from '@app/observability';

/** `event_bus_publish`: time of a dispatch, local delivery plus publication to the other nodes (seconds). */
export const publishTimer = (): Summary =>
  timer('event_bus_publish', 'Event bus dispatch: local listeners and publication to the other nodes');
