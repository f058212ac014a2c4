/** A DTSTART/DTEND side of `changes` (events.md §2.7): PHP's DateTime serialisation, as esn-sabre wrote it. */
export interface ZonedDate {
  isAllDay: boolean;
  /** `yyyy-MM-dd HH:mm:ss.000000`, wall time in `timezone`. */
  date: string;
  timezone_type: 3;
  timezone: string;
}

export interface TextChange {
  previous: string;
  current: string;
}

/** A side is omitted when DTEND is missing on that side. */
export interface DateChange {
  previous?: ZonedDate;
  current?: ZonedDate;
}

export interface EventChanges {
  summary?: TextChange;
  location?: TextChange;
  description?: TextChange;
  dtstart?: DateChange;
  dtend?: DateChange;
}

/** Body of `calendar:event:notificationEmail:send` (events.md §2.7): one message, one mail. */
export interface NotificationEmail {
  senderEmail: string;
  recipientEmail: string;
  method: string;
  /** ICS: the iTIP message, or a single VEVENT of it for recurring splits. */
  event: string;
  calendarURI: string | null;
  eventPath: string;
  /** Written only when true. */
  isNewEvent?: true;
  /** Only when a tracked field changed. */
  changes?: EventChanges;
  /** COUNTER only. */
  oldEvent?: string;
}
