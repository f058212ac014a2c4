/**
 * A due DISPLAY alarm (events.md §4.5 step 2): pushed to the recipient's WebSocket sessions that asked for display
 * notifications (§7), as `{"alarms": [{eventSummary, eventURL, eventStartTime}]}`.
 */
export class DisplayAlarmFiredEvent {
  constructor(
    /** E-mail address of the person to notify. */
    public readonly recipient: string,
    public readonly eventSummary: string,
    /** DAV path of the event (`/calendars/{home}/{calendar}/{object}.ics`). */
    public readonly eventURL: string,
    public readonly eventStartTime: Date,
  ) {}
}
