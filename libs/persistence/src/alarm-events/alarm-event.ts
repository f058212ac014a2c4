/** What a due alarm does: mail its recipient, or push a notification to the recipient's open sessions. */
export type AlarmAction = 'EMAIL' | 'DISPLAY';

/**
 * The next pending alarm of one event for one recipient (storage.md §8): at most one per (eventUid, recipient).
 * Instants are UTC.
 */
export interface AlarmEvent {
  eventUid: string;
  /** E-mail address of the person to remind. */
  recipient: string;
  alarmTime: Date;
  /** Start of the occurrence the alarm is about. */
  eventStartTime: Date;
  /** The calendar has several VEVENTs or an RRULE on its first (events.md §3.2). */
  recurring: boolean;
  /** RECURRENCE-ID of the occurrence as written in ICS (`20250512T093000`), recurring series only. */
  recurrenceId?: string;
  /** The full VCALENDAR text, a snapshot taken when the entry was written. */
  ics: string;
  /** DAV path of the object (`""` when unknown). */
  eventPath: string;
  action: AlarmAction;
}

/** An entry found as stored, with the identity of its document. */
export interface StoredAlarmEvent extends AlarmEvent {
  id: string;
}
