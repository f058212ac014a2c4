import { VCalendar } from '@app/ical';
import type { AlarmEvent } from '@app/persistence';
import { NextAlarm } from './next-alarm';

export interface EntriesInput {
  calendar: VCalendar;
  eventUid: string;
  eventPath: string;
  /** The calendar owner: the one recipient of a DISPLAY alarm. */
  owner: string;
  /** Whether a recipient may be mailed (the recipient whitelist); `() => true` for none. */
  allows: (recipient: string) => boolean;
}

/** The UID of the first VEVENT, when it has one. */
export function eventUidOf(calendar: VCalendar): string | undefined {
  const uid = calendar.first?.getFirstPropertyValue('uid') as unknown;
  return typeof uid === 'string' && uid.trim() ? uid : undefined;
}

/**
 * The entries of events.md §4.3 for one computed alarm: EMAIL gives one per recipient allowed by the whitelist (none
 * without recipients), DISPLAY one for the owner. Each carries the whole calendar text and the event path.
 */
export function alarmEntries(next: NextAlarm, input: EntriesInput): AlarmEvent[] {
  const recipients =
    next.action === 'DISPLAY' ? [input.owner.toLowerCase()] : next.recipients.filter(input.allows);
  const recurring = input.calendar.isRecurring();
  return recipients.map((recipient) => ({
    eventUid: input.eventUid,
    recipient,
    alarmTime: next.alarmTime,
    eventStartTime: next.eventStartTime,
    recurring,
    ...(recurring && next.recurrenceId ? { recurrenceId: next.recurrenceId } : {}),
    ics: input.calendar.text,
    eventPath: input.eventPath,
    action: next.action,
  }));
}
