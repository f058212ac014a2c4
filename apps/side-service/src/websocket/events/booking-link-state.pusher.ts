import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { BusKeys, EventBus } from '@app/event-bus';
import { PushEvents } from '../protocol/push-events';
import { BookingLinkStateChangedEvent } from './booking-link-state-changed.event';
import { publishQuietly } from './push-bus.publisher';

/** `{"bookingLinkStateChanged": true}` to the owner's sessions (rest-api.md §6.7). */
@EventsHandler(BookingLinkStateChangedEvent)
export class BookingLinkStatePusher implements IEventHandler<BookingLinkStateChangedEvent> {
  private readonly logger = new Logger(BookingLinkStatePusher.name);

  constructor(private readonly bus: EventBus) {}

  async handle(event: BookingLinkStateChangedEvent): Promise<void> {
    await publishQuietly(
      this.bus,
      this.logger,
      PushEvents.bookingLinkStateChange(event.username.toLowerCase()),
      BusKeys.username(event.username),
    );
  }
}
