import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { BusKeys, EventBus } from '@app/event-bus';
import { DisplayAlarmFiredEvent } from '../../alarms/events/display-alarm-fired.event';
import { PushEvents } from '../protocol/push-events';
import { publishQuietly } from './push-bus.publisher';

const instant = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** DISPLAY alarms (events.md §4.5, §7): `{"alarms": [...]}` to the recipient's sessions that enabled them. */
@EventsHandler(DisplayAlarmFiredEvent)
export class DisplayAlarmPusher implements IEventHandler<DisplayAlarmFiredEvent> {
  private readonly logger = new Logger(DisplayAlarmPusher.name);

  constructor(private readonly bus: EventBus) {}

  async handle(event: DisplayAlarmFiredEvent): Promise<void> {
    await publishQuietly(
      this.bus,
      this.logger,
      PushEvents.alarm({
        username: event.recipient.toLowerCase(),
        eventSummary: event.eventSummary,
        eventURL: event.eventURL,
        eventStartTime: instant(event.eventStartTime),
      }),
      BusKeys.username(event.recipient),
    );
  }
}
