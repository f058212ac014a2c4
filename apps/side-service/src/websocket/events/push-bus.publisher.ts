import { Logger } from '@nestjs/common';
import { reasonOf } from '@app/core';
import { EventBus } from '@app/event-bus';
import type { PushEvent } from '../protocol/push-events';

/** Dispatches from CQRS event handlers, which must not throw: a failure is logged. */
export async function publishQuietly(
  bus: EventBus,
  logger: Logger,
  event: PushEvent,
  key: string,
): Promise<void> {
  try {
    await bus.dispatch(event, [key]);
  } catch (error) {
    logger.warn(`${event.type} for ${key} not pushed to other nodes: ${reasonOf(error)}`);
  }
}
