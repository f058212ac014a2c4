import { Command } from '@nestjs/cqrs';
import type { CalendarEventMessage } from '@app/messaging';

export type AlarmSchedulingOutcome =
  | { outcome: 'scheduled'; entries: number }
  | { outcome: 'cleared'; removed: number }
  | { outcome: 'ignored'; reason: string };

/**
 * `calendar:event:alarm:{created,updated,request}` (events.md §4.1): stores the next alarm of the written event
 * for each of its recipients, replacing what was stored for (UID, recipient).
 */
export class ScheduleEventAlarmsCommand extends Command<AlarmSchedulingOutcome> {
  constructor(
    public readonly message: CalendarEventMessage,
    /** `alarm:created` only acts when the event has a VALARM at some depth. */
    public readonly onlyWithValarm: boolean,
  ) {
    super();
  }
}
